package dev.tierbus.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadCodecsTest {

  record Alpha(long v) implements Payload {}

  record Beta(long v) implements Payload {}

  private static final EventCodec CODEC = new EventCodec();

  @Test
  void everyBuiltInPayloadHasACodecWithAReservedCode() {
    List<Class<? extends Payload>> builtIns = List.of(Bar.class, Tick.class, Quote.class, BookUpdate.class,
        Trade.class, Signal.class, IndicatorValue.class, PortfolioUpdate.class, RegimeChange.class,
        Attributes.class, Order.class, Fill.class, Notice.class);
    for (Class<? extends Payload> type : builtIns) {
      PayloadCodec<?> codec = PayloadCodecs.forType(type);
      assertThat(codec).as(type.getSimpleName()).isNotNull();
      assertThat(codec.code()).isBetween(1, PayloadCodecs.MIN_USER_CODE - 1);
      assertThat(PayloadCodecs.forCode(codec.code())).isSameAs(codec);
    }
    assertThat(PayloadCodecs.forCode(PayloadCodecs.NULL_CODE)).isNull();
  }

  @Test
  void reservedCodeIsRefused() {
    assertThatThrownBy(() -> PayloadCodecs.register(codec(63, Alpha.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user codes must be in [64, 65535]")
        .hasMessageContaining("was 63");
  }

  @Test
  void duplicateCodeOrTypeIsRefusedNamingBoth() {
    PayloadCodecs.register(codec(300, Alpha.class));

    assertThatThrownBy(() -> PayloadCodecs.register(codec(300, Beta.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payload code 300 is already used by the codec for " + Alpha.class.getName())
        .hasMessageContaining("cannot register the codec for " + Beta.class.getName() + " (code 300)");
    assertThatThrownBy(() -> PayloadCodecs.register(codec(301, Alpha.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payload type " + Alpha.class.getName() + " already has codec")
        .hasMessageContaining("(code 300)")
        .hasMessageContaining("(code 301)");
    assertThatThrownBy(() -> PayloadCodecs.register(codec(4, Bar.class)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PayloadCodecs.forCode(301)).isNull();
  }

  @Test
  void integralAttributesComeBackAsLongAndFloatsAsDouble() {
    Attributes sent = Attributes.of(Map.of("i", 7, "s", (short) -3, "b", (byte) 1, "f", 1.5f,
        "nested", List.of(Map.of("n", 2))));

    Attributes back = roundTrip(sent).payloadAs(Attributes.class);

    assertThat(back.values()).containsOnly(Map.entry("i", 7L), Map.entry("s", -3L), Map.entry("b", 1L),
        Map.entry("f", 1.5), Map.entry("nested", List.of(Map.of("n", 2L))));
  }

  @Test
  void unsupportedAttributeValueIsRefusedNamingKeyAndClass() {
    Attributes flat = Attributes.of(Map.of("when", Instant.EPOCH));
    Attributes nested = Attributes.of(Map.of("meta", Map.of("list", List.of(1L, new StringBuilder("x")))));

    assertThatThrownBy(() -> roundTrip(flat))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attribute 'when' has unsupported value class java.time.Instant");
    assertThatThrownBy(() -> roundTrip(nested))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attribute 'meta.list[1]' has unsupported value class java.lang.StringBuilder");
  }

  private static Event roundTrip(Payload payload) {
    Event event = Event.of(EventType.ANALYSIS_RESULT, "a", null, 1L, payload);
    Buffer wire = Buffer.buffer();
    CODEC.encodeToWire(wire, event);
    return CODEC.decodeFromWire(0, wire);
  }

  private static <P extends Payload> PayloadCodec<P> codec(int code, Class<P> type) {
    return PayloadCodec.of(code, type, (p, out) -> {}, in -> null);
  }
}
