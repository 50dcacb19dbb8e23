package dev.tierbus.journal;

import static dev.tierbus.journal.JournalTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Bar;
import dev.tierbus.event.Direction;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Order;
import dev.tierbus.event.Side;
import dev.tierbus.event.Signal;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.SourcePublisher;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code router.inFlight().whenZero()} completes only when everything caused by what was
 * published has been handled, across the fast, standard and reliable tiers.
 */
@Timeout(60)
class QuiescenceTest {

  @Test
  void theNodeIsQuietOnlyAfterTheWholeChainCausedByABarIsHandled() {
    Vertx vertx = Vertx.vertx();
    try {
      TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
      await(ReliableTiers.install(router, new JournalOptions().setStore(JournalOptions.Store.MEMORY)));
      AtomicInteger orders = new AtomicInteger();
      // BAR (fast) -> strategy publishes SIGNAL (standard) -> risk publishes ORDER (reliable) -> execution
      await(router.subscribe(Subscription.of("strategy", "data", EventType.BAR), e ->
          router.publish(Event.of(EventType.SIGNAL, "strategy", e.symbol(), e.timeNanos(),
              new Signal(Direction.LONG, 1, "up", "strategy")))));
      await(router.subscribe(Subscription.of("risk", "strategy", EventType.SIGNAL), e ->
          router.publish(Event.of(EventType.ORDER, "risk", e.symbol(), e.timeNanos(),
              new Order("o-" + e.timeNanos(), Side.BUY, 1, Double.NaN, "signal")))));
      await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), e -> {
        Thread.sleep(1); // the end of the chain takes a while
        orders.incrementAndGet();
      }));
      Context feed = vertx.getOrCreateContext();
      for (int bar = 1; bar <= 200; bar++) {
        int n = bar;
        Promise<Integer> seen = Promise.promise();
        feed.runOnContext(v -> {
          SourcePublisher p = router.publisher("data");
          p.publish(Event.of(EventType.BAR, "data", "AAPL", n, new Bar("1D", 1, 2, 0.5, 1.5, 100)));
          p.flush();
          router.inFlight().whenZero().onComplete(ar -> seen.complete(orders.get()));
        });
        assertThat(await(seen.future())).as("orders handled when bar %d is quiet", n).isEqualTo(n);
      }
      assertThat(router.inFlight().count()).isZero();
      await(router.close());
    } finally {
      await(vertx.close());
    }
  }

  @Test
  void whenZeroCompletesAtOnceOnAnIdleNode() {
    Vertx vertx = Vertx.vertx();
    try {
      TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
      Future<Void> quiet = router.inFlight().whenZero();
      assertThat(quiet.isComplete()).isTrue();
      router.inFlight().begin(2);
      Future<Void> later = router.inFlight().whenZero();
      router.inFlight().end(1);
      assertThat(later.isComplete()).isFalse();
      router.inFlight().end(1);
      await(later);
    } finally {
      await(vertx.close());
    }
  }
}
