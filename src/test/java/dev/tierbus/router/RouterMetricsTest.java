package dev.tierbus.router;

import static dev.tierbus.journal.JournalTestSupport.await;
import static dev.tierbus.journal.JournalTestSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Direction;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Signal;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The tier counters say what was published, what had a subscriber to go to and what was delivered. */
@Timeout(30)
class RouterMetricsTest {

  private static Event signal(String symbol) {
    return Event.of(EventType.SIGNAL, "strategy", symbol, 1, new Signal(Direction.LONG, 0.5, "test", "strategy"));
  }

  @Test
  void publishedMatchedAndDeliveredAreCountedApart() {
    Vertx vertx = Vertx.vertx();
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    try {
      await(router.publish(signal("AAPL")));   // nobody subscribes yet
      await(router.subscribe(Subscription.of("a", "strategy", EventType.SIGNAL)
          .withFilter(Filter.symbols("AAPL")), e -> {}));
      await(router.subscribe(Subscription.of("b", "strategy", EventType.SIGNAL), e -> {}));
      await(router.publish(signal("AAPL")));   // two subscribers
      await(router.publish(signal("MSFT")));   // one: a's filter refuses it
      eventually(Duration.ofSeconds(10), () -> router.metrics().standard().delivered() == 3, "delivered");

      RouterMetrics m = router.metrics();
      assertThat(m.standard().published()).isEqualTo(3);
      assertThat(m.standard().matched()).isEqualTo(2);
      assertThat(m.summary()).contains("standard: published 3, matched 2, delivered 3")
          .doesNotContain("refused").doesNotContain("NaN");
      assertThat(m.toJson().getJsonObject("standard").getLong("matched")).isEqualTo(2);
    } finally {
      await(router.close());
      await(vertx.close());
    }
  }
}
