package dev.tierbus.container;

import dev.tierbus.event.Event;
import dev.tierbus.router.InFlight;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.function.Consumer;

/**
 * One container's end of the internal bus: its local address, the consumer that hands what
 * arrives to the container, and sends to other containers' ends.
 *
 * <p>Events travel by reference (the event codec passes the instance), on this JVM only, in
 * order per receiver. Each one is counted in flight from the send until its handler returned,
 * so a node is never seen quiet while an internal event waits.
 */
final class InternalBus {

  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  private final EventBus bus;
  private final String address;
  private final InFlight inFlight;
  private MessageConsumer<Event> consumer;

  InternalBus(EventBus bus, String address, InFlight inFlight) {
    this.bus = bus;
    this.address = address;
    this.inFlight = inFlight;
  }

  /** Starts receiving: each event goes to {@code handler} on the caller's context. */
  Future<Void> open(Consumer<Event> handler) {
    consumer = bus.localConsumer(address);
    consumer.handler(msg -> {
      try {
        handler.accept(msg.body());
      } finally {
        inFlight.end(1);
      }
    });
    return consumer.completion();
  }

  /** Sends {@code event} to the end at {@code address} (another container's). */
  void send(String address, Event event) {
    inFlight.begin(1);
    bus.send(address, event, LOCAL);
  }

  Future<Void> close() {
    MessageConsumer<Event> c = consumer;
    consumer = null;
    return c == null ? Future.succeededFuture() : c.unregister();
  }
}
