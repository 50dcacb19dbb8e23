package dev.tierbus.journal;

import static dev.tierbus.journal.JournalTestSupport.await;
import static dev.tierbus.journal.JournalTestSupport.count;
import static dev.tierbus.journal.JournalTestSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Order;
import dev.tierbus.event.Side;
import dev.tierbus.router.ReliableTierOptions;
import dev.tierbus.router.RouteHold;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.SubscriptionHandle;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A subscriber replaced at runtime (a container redeployed, its reliable routes held) while
 * ORDERs keep coming: the old instance finishes what it was handed, the rest — including what
 * is published while no instance is subscribed — waits in the journal for the new one; nothing
 * is lost and nothing is handled twice.
 */
@Timeout(60)
class ResubscribeTest {

  @Test
  void aReplacedSubscriberLosesNothingAndGetsNothingTwice() throws Exception {
    try (JournalTestBed bed = new JournalTestBed("swap")) {
      Pool sql = bed.sql;
      JournalOptions journal = bed.journal;
      TieredEventRouter router = bed.router(new ReliableTierOptions().setBaseDelayMs(20).setMaxDelayMs(100));
      bed.install(router);
      List<String> old = new CopyOnWriteArrayList<>();
      SubscriptionHandle first = await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), e -> {
        Thread.sleep(2);
        old.add(e.payloadAs(Order.class).orderId());
      }));
      List<String> published = new ArrayList<>();
      RouteHold hold = null;
      for (int i = 0; i < 300; i++) {
        Event e = Event.of(EventType.ORDER, "risk", "SYM" + (i % 3), i, new Order("o-" + i, Side.BUY, 1, Double.NaN, "t"));
        await(router.publish(e));
        published.add("o-" + i);
        if (i == 100) {
          hold = router.holdReliableRoutes(List.of("execution"));
          await(first.unsubscribe()); // the old instance stops while deliveries are in flight
        }
      }
      // what was published while it was gone is journalled for it
      assertThat(count(sql, "SELECT count(*) FROM " + journal.getSchema() + ".delivery")).isEqualTo(300);
      List<String> replacement = new CopyOnWriteArrayList<>();
      await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER),
          e -> replacement.add(e.payloadAs(Order.class).orderId())));
      hold.release();
      try {
        eventually(Duration.ofSeconds(20), () -> old.size() + replacement.size() >= 300, "all delivered");
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + ": old " + old.size() + ", new " + replacement.size() + ", rows "
            + JournalTestSupport.rows(sql, "SELECT status, attempts, count(*) FROM " + journal.getSchema()
            + ".delivery GROUP BY 1, 2") + ", metrics " + router.metrics().reliable().details().encode());
      }
      List<String> all = new ArrayList<>(old);
      all.addAll(replacement);
      assertThat(all).containsExactlyInAnyOrderElementsOf(published);
      assertThat(old).isNotEmpty();
      assertThat(replacement).isNotEmpty();
      eventually(Duration.ofSeconds(10), () -> count(sql, "SELECT count(*) FROM " + journal.getSchema()
          + ".delivery WHERE status = 2") == 300, "all rows delivered");
    }
  }

  @Test
  void withoutAHoldARemovedSubscriberGetsNoNewRowsAndAReleasedHoldStopsThem() {
    try (JournalTestBed bed = new JournalTestBed("hold")) {
      TieredEventRouter router = bed.router(new ReliableTierOptions());
      bed.install(router);
      Pool sql = bed.sql;
      String rows = "SELECT count(*) FROM " + bed.journal.getSchema() + ".delivery";
      SubscriptionHandle h = await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), e -> { }));
      RouteHold hold = router.holdReliableRoutes(List.of("execution"));
      await(h.unsubscribe());
      await(router.publish(Event.of(EventType.ORDER, "risk", "A", 1, new Order("o-1", Side.BUY, 1, Double.NaN, "t"))));
      assertThat(count(sql, rows)).as("held: journalled").isEqualTo(1);
      hold.release();
      await(router.publish(Event.of(EventType.ORDER, "risk", "A", 2, new Order("o-2", Side.BUY, 1, Double.NaN, "t"))));
      assertThat(count(sql, rows)).as("released: nobody subscribes").isEqualTo(1);
    }
  }
}
