package dev.tierbus.router.impl;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventBatch;
import dev.tierbus.metrics.TierMetrics;
import dev.tierbus.router.Addresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fast tier's receiving side of one subscription: its event-bus consumer, the batches sent
 * to it and not yet handled, and the events it missed for being too slow.
 *
 * <p>A batch arrives holding only event types its source may send this subscription: the
 * sender applied the publication scopes ({@link FastTier#deliver}). So the receiver needs no
 * routing table: per event it tests the subscription's own types and filter, nothing else.
 * Handlers run on the context the subscription was made on.
 */
final class FastInbox {

  private final RouteImpl route;
  private final String address;
  private final TierMetrics metrics;
  private final InFlightCounter inFlight;
  private final AtomicInteger pending = new AtomicInteger();
  private final LongAdder dropped = new LongAdder();
  private final MessageConsumer<EventBatch> consumer;

  /** Registers the consumer on the caller's context; see {@link #ready()}. */
  FastInbox(RouteImpl route, EventBus bus, TierMetrics metrics, InFlightCounter inFlight) {
    this.route = route;
    this.address = Addresses.fastSubscription(route.id());
    this.metrics = metrics;
    this.inFlight = inFlight;
    this.consumer = bus.consumer(address);
    consumer.handler(this::onBatch);
  }

  /** Completes once the consumer can receive. */
  Future<Void> ready() {
    return consumer.completion();
  }

  String address() {
    return address;
  }

  boolean isClosed() {
    return route.isClosed();
  }

  /** Batches sent and not yet handled. */
  int pending() {
    return pending.get();
  }

  /** Counts a batch sent to this inbox (its in-flight unit is the sender's to begin). */
  void sent() {
    pending.incrementAndGet();
  }

  /** Counts {@code n} events this subscription missed. */
  void missed(int n) {
    dropped.add(n);
  }

  long dropped() {
    return dropped.sum();
  }

  /** Handles one batch on the subscriber's context. */
  private void onBatch(Message<EventBatch> message) {
    EventBatch batch = message.body();
    try {
      if (route.isClosed()) {
        return;
      }
      long latency = System.nanoTime() - batch.createdNanos();
      int n = batch.size();
      int handled = 0;
      for (int i = 0; i < n; i++) {
        Event e = batch.get(i);
        if (route.matches(e)) {
          route.invoke(e, metrics);
          handled++;
        }
      }
      if (handled > 0) {
        route.countDelivered(handled);
        metrics.delivered(handled);
        metrics.latency().record(latency, handled);
      }
    } finally {
      // a batch from another node was never counted by this node's publishers: never below 0
      if (pending.getAndUpdate(p -> p > 0 ? p - 1 : 0) > 0) {
        inFlight.end(1);
      }
    }
  }

  /** Stops receiving. */
  Future<Void> close() {
    return consumer.unregister();
  }

  @Override
  public String toString() {
    return route.toString();
  }
}
