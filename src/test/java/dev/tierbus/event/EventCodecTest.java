package dev.tierbus.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCodecTest {

  private final EventCodec codec = new EventCodec();

  @Test
  void namedAsUserCodec() {
    assertThat(codec.name()).isEqualTo("tierbus-event");
    assertThat(codec.systemCodecID()).isEqualTo((byte) -1);
  }

  @Test
  void transformReturnsTheSameInstance() {
    Event event = Event.of(EventType.TICK, "feed", "BTCUSDT", 1L, new Tick(1.5, 2));
    assertThat(codec.transform(event)).isSameAs(event);
  }

  @Test
  void singleEventRoundTripsThroughTheWire() {
    Event event = new Event(EventIds.next(), EventType.SIGNAL, "strategy-ü", "ETHUSDT", 1_700_000_000_123_456_789L,
        new Signal(Direction.SHORT, -0.75, "SMA(10) crossed below SMA(30) 📉", "sma-cross"),
        Map.of("trace", "abc", "causation", "42"));

    Buffer wire = Buffer.buffer();
    codec.encodeToWire(wire, event);
    Event decoded = codec.decodeFromWire(0, wire);

    assertThat(decoded).isEqualTo(event).isNotSameAs(event);
  }

  @Test
  void decodesFromAnOffsetAfterOtherData() {
    Event event = new Event(-5, EventType.ERROR, "risk", null, -1L, new Notice("boom", "it broke"), null);
    Buffer wire = Buffer.buffer().appendString("cluster-header");
    int pos = wire.length();
    codec.encodeToWire(wire, event);
    wire.appendString("trailing bytes of another message");

    assertThat(codec.decodeFromWire(pos, wire)).isEqualTo(event);
  }

  @Test
  void nullPayloadAndNullSymbolRoundTrip() {
    Event event = Event.of(EventType.SYSTEM, "node-1", null, 0L, null);
    Buffer wire = Buffer.buffer();
    codec.encodeToWire(wire, event);

    Event decoded = codec.decodeFromWire(0, wire);

    assertThat(decoded).isEqualTo(event);
    assertThat(decoded.payload()).isNull();
    assertThat(decoded.symbol()).isNull();
  }

  @Test
  void truncatedEventIsRefused() {
    Buffer wire = Buffer.buffer();
    codec.encodeToWire(wire, Event.of(EventType.TICK, "feed", "X", 1L, new Tick(1, 2)));
    Buffer cut = wire.getBuffer(0, wire.length() - 3);

    assertThatThrownBy(() -> codec.decodeFromWire(0, cut))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated tierbus event")
        .hasMessageContaining("bytes but only");
  }

  @Test
  void unknownEventTypeCodeIsRefused() {
    Event bar = new Event(7, EventType.BAR, "feed", "X", 1L, null, null);
    Event tick = new Event(7, EventType.TICK, "feed", "X", 1L, null, null);
    byte[] a = encode(bar);
    int typeAt = firstDifference(a, encode(tick), 0);
    a[typeAt] = 99;

    assertThatThrownBy(() -> codec.decodeFromWire(0, Buffer.buffer(a)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown event type code 99");
  }

  private byte[] encode(Event event) {
    Buffer wire = Buffer.buffer();
    codec.encodeToWire(wire, event);
    return wire.getBytes();
  }

  static int firstDifference(byte[] a, byte[] b, int from) {
    for (int i = from; i < Math.min(a.length, b.length); i++) {
      if (a[i] != b[i]) {
        return i;
      }
    }
    throw new AssertionError("no difference from " + from);
  }
}
