package dev.tierbus.router;

import static dev.tierbus.journal.JournalTestSupport.await;
import static dev.tierbus.journal.JournalTestSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Direction;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Signal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A subscription that chose to drop when its standard-tier queue is full never refuses a publish. */
@Timeout(30)
class OverflowTest {

  private static Event signal(int i) {
    return Event.of(EventType.SIGNAL, "strategy", "AAPL", i, new Signal(Direction.LONG, 0.5, "n" + i, "strategy"));
  }

  @Test
  void aDroppingObserverNeverRefusesAPublishWhileARefusingSubscriberDoes() throws Exception {
    Vertx vertx = Vertx.vertx();
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions()
        .setStandard(new StandardTierOptions().setQueueSize(2)));
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger observed = new AtomicInteger();
    try {
      SubscriptionHandle observer = await(router.subscribe(Subscription.of("dashboard", "strategy", EventType.SIGNAL),
          e -> {
            release.await();
            observed.incrementAndGet();
          }, Overflow.DROP));
      List<Future<Void>> publishes = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        publishes.add(router.publish(signal(i)));
      }
      assertThat(publishes).allMatch(Future::succeeded);
      release.countDown();
      eventually(Duration.ofSeconds(10), () -> observer.dropped() + observed.get() == 50, "every event handled or dropped");
      assertThat(observer.dropped()).isPositive();
      assertThat(router.metrics().standard().dropped()).isEqualTo(observer.dropped());
      assertThat(router.metrics().standard().refused()).isZero();

      CountDownLatch hold = new CountDownLatch(1);
      SubscriptionHandle strict = await(router.subscribe(Subscription.of("risk", "strategy", EventType.SIGNAL), e -> hold.await()));
      List<Future<Void>> more = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        more.add(router.publish(signal(100 + i)));
      }
      hold.countDown();
      assertThat(more).anyMatch(f -> f.failed() && f.cause() instanceof BackPressureException b
          && b.getMessage().contains("risk") && !b.getMessage().contains("dashboard"));
      assertThat(strict.rejected()).isPositive();
    } finally {
      release.countDown();
      await(router.close());
      await(vertx.close());
    }
  }
}
