package dev.tierbus.journal.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Fill;
import dev.tierbus.event.Order;
import dev.tierbus.event.Side;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryCodecsTest {

  @Test
  void aRequestCrossesTheWireIntact() {
    Event order = Event.of(EventType.ORDER, "risk", "AAPL", 42, new Order("o-1", Side.BUY, 1.5, Double.NaN, "signal"))
        .withHeader("trace", "t-1");
    Event fill = Event.of(EventType.FILL, "execution", null, 43, new Fill("o-1", Side.BUY, 1.5, 101.25, 0.1));
    DeliveryRequest request = new DeliveryRequest("portfolio", List.of(
        new DeliveryRequest.Item(1L << 40, 1, false, order),
        new DeliveryRequest.Item((1L << 40) + 1, 3, true, fill)));
    Buffer wire = Buffer.buffer().appendString("prefix");
    new DeliveryCodecs.RequestCodec().encodeToWire(wire, request);

    DeliveryRequest back = new DeliveryCodecs.RequestCodec().decodeFromWire(6, wire);
    assertThat(back).isEqualTo(request);
  }

  @Test
  void aReplyCrossesTheWireIntact() {
    DeliveryCodecs.ReplyCodec codec = new DeliveryCodecs.ReplyCodec();
    for (DeliveryReply reply : List.of(new DeliveryReply(3, null), new DeliveryReply(0, "broker said no: ümlaut"))) {
      Buffer wire = Buffer.buffer();
      codec.encodeToWire(wire, reply);
      assertThat(codec.decodeFromWire(0, wire)).isEqualTo(reply);
    }
  }

  @Test
  void anUnknownFormatVersionIsRefusedNamingIt() {
    Buffer wire = Buffer.buffer().appendByte((byte) 9).appendInt(0).appendInt(-1);
    assertThatThrownBy(() -> new DeliveryCodecs.ReplyCodec().decodeFromWire(0, wire))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 9");
  }

  @Test
  void inAJvmTheSameObjectIsPassed() {
    DeliveryReply reply = new DeliveryReply(1, null);
    assertThat(new DeliveryCodecs.ReplyCodec().transform(reply)).isSameAs(reply);
  }
}
