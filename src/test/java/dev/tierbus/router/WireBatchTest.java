package dev.tierbus.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventBatch;
import dev.tierbus.event.EventBatchCodec;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Tick;
import dev.tierbus.testing.Conditions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A fast-tier batch that crossed a JVM boundary (encoded and decoded by the batch codec, as
 * the clustered event bus does) is handled like a local one by the subscription's address.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class WireBatchTest {

  @Test
  void aDecodedBatchSentToTheSubscriptionAddressIsDelivered(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    List<Event> got = new CopyOnWriteArrayList<>();
    Event[] events = {
        Event.of(EventType.TICK, "remote_feed", "AAPL", 1, new Tick(100.5, 10)),
        Event.of(EventType.TICK, "remote_feed", "MSFT", 2, new Tick(300.25, 5)),
        Event.of(EventType.BAR, "remote_feed", "AAPL", 3, null)};
    EventBatchCodec codec = new EventBatchCodec();
    Buffer wire = Buffer.buffer();
    codec.encodeToWire(wire, new EventBatch("remote_feed", events, events.length, System.nanoTime()));
    EventBatch decoded = codec.decodeFromWire(0, wire);
    router.subscribe(Subscription.of("sub", "remote_feed", EventType.TICK), got::add)
        .onComplete(ctx.succeeding(h -> {
          vertx.eventBus().send(Addresses.fastSubscription(h.id()), decoded);
          Conditions.eventually(vertx, () -> got.size() >= 2).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
            assertThat(got).containsExactly(events[0], events[1]);
            assertThat(got.get(0)).isNotSameAs(events[0]);
            assertThat(router.metrics().fast().queueDepth()).isZero();
            ctx.completeNow();
          })));
        }));
  }
}
