package dev.tierbus.journal;

import static dev.tierbus.journal.JournalTestSupport.await;
import static dev.tierbus.journal.JournalTestSupport.count;
import static dev.tierbus.journal.JournalTestSupport.eventually;
import static dev.tierbus.journal.JournalTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Order;
import dev.tierbus.event.Side;
import dev.tierbus.router.ReliableTierOptions;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reliable tier against a real PostgreSQL: journal, confirm, retry, dead letters. */
@Timeout(60)
class ReliableTierTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension
  final JournalTestBed bed = new JournalTestBed("tier");
  private TieredEventRouter router;
  private ReliableTier tier;

  private void start(ReliableTierOptions reliable) {
    router = bed.router(reliable);
    tier = bed.install(router);
  }

  private static ReliableTierOptions fastRetries() {
    return new ReliableTierOptions().setBaseDelayMs(50).setMaxDelayMs(1_000).setBackoffMultiplier(2.0)
        .setDeliveryTimeoutMs(2_000);
  }

  private static Event order(String symbol, int n) {
    return Event.of(EventType.ORDER, "risk", symbol, n, new Order("o-" + symbol + "-" + n, Side.BUY, 1, Double.NaN, "test"));
  }

  private static String orderId(Event e) {
    return e.payloadAs(Order.class).orderId();
  }

  private String table() {
    return bed.journal.getSchema() + ".delivery";
  }

  @Test
  void aPublishedEventIsDeliveredConfirmedAndItsRowMarkedDelivered() {
    start(fastRetries());
    List<Event> got = new CopyOnWriteArrayList<>();
    await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), got::add));

    await(router.publish(order("AAPL", 1)));
    // the publish Future completed: the row is committed before any confirmation
    assertThat(count(bed.sql, "SELECT count(*) FROM " + table())).isEqualTo(1);

    eventually(WAIT, () -> count(bed.sql, "SELECT count(*) FROM " + table() + " WHERE status = 2") == 1,
        "the row is marked delivered");
    assertThat(got).hasSize(1);
    Event e = got.get(0);
    assertThat(orderId(e)).isEqualTo("o-AAPL-1");
    ReliableDelivery d = ReliableDelivery.of(e).orElseThrow();
    assertThat(d.attempt()).isEqualTo(1);
    assertThat(d.redelivered()).isFalse();
    List<List<Object>> row = rows(bed.sql,
        "SELECT delivery_id, subscriber, attempts, symbol, source FROM " + table());
    assertThat(row.get(0)).containsExactly(d.deliveryId(), "execution", 0, "AAPL", "risk");
    JsonObject details = tier.metrics().details();
    assertThat(tier.metrics().delivered()).isEqualTo(1);
    assertThat(details.getLong("pending")).isZero();
    assertThat(details.getLong("journalled")).isEqualTo(1);
  }

  @Test
  void oneRowPerSubscriberAndEachSubscriberGetsTheEventOnce() {
    start(fastRetries());
    List<Event> a = new CopyOnWriteArrayList<>();
    List<Event> b = new CopyOnWriteArrayList<>();
    await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), a::add));
    await(router.subscribe(Subscription.of("audit", null, EventType.ORDER), b::add));
    // a second subscription of the same subscriber: still one row, one delivery for it
    await(router.subscribe(Subscription.of("audit", "risk", EventType.ORDER), b::add));

    for (int i = 0; i < 50; i++) {
      await(router.publish(order("MSFT", i)));
    }
    eventually(WAIT, () -> count(bed.sql, "SELECT count(*) FROM " + table() + " WHERE status = 2") == 100,
        "100 rows delivered");
    assertThat(count(bed.sql, "SELECT count(*) FROM " + table())).isEqualTo(100);
    assertThat(a).extracting(ReliableTierTest::orderId).hasSize(50).doesNotHaveDuplicates();
    assertThat(b).extracting(ReliableTierTest::orderId).hasSize(50).doesNotHaveDuplicates();
    assertThat(a).extracting(ReliableTierTest::orderId).isEqualTo(b.stream().map(ReliableTierTest::orderId).toList());
  }

  @Test
  void aHandlerThatFailsTwiceIsDeliveredThreeTimesConfirmedOnceWithTheBackoffDelays() {
    ReliableTierOptions options = fastRetries().setBaseDelayMs(100).setBackoffMultiplier(3.0).setRetryAttempts(3);
    start(options);
    List<Event> attempts = new CopyOnWriteArrayList<>();
    List<Long> times = new CopyOnWriteArrayList<>();
    await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), e -> {
      attempts.add(e);
      times.add(System.nanoTime());
      if (attempts.size() <= 2) {
        throw new IllegalStateException("broker not ready (attempt " + attempts.size() + ")");
      }
    }));

    await(router.publish(order("AAPL", 7)));
    eventually(WAIT, () -> count(bed.sql, "SELECT count(*) FROM " + table() + " WHERE status = 2") == 1, "delivered");

    assertThat(attempts).hasSize(3);
    List<ReliableDelivery> deliveries = attempts.stream().map(e -> ReliableDelivery.of(e).orElseThrow()).toList();
    assertThat(deliveries).extracting(ReliableDelivery::deliveryId).containsOnly(deliveries.get(0).deliveryId());
    assertThat(deliveries).extracting(ReliableDelivery::attempt).containsExactly(1, 2, 3);
    assertThat(deliveries).extracting(ReliableDelivery::redelivered).containsExactly(false, true, true);
    // the n-th retry waits base * multiplier^(n-1): 100 ms, then 300 ms
    assertThat((times.get(1) - times.get(0)) / 1_000_000).isGreaterThanOrEqualTo(100);
    assertThat((times.get(2) - times.get(1)) / 1_000_000).isGreaterThanOrEqualTo(300);
    List<Object> row = rows(bed.sql, "SELECT attempts, last_error FROM " + table()).get(0);
    assertThat(row.get(0)).isEqualTo(2);
    assertThat((String) row.get(1)).contains("broker not ready (attempt 2)");
    assertThat(tier.metrics().delivered()).isEqualTo(1);
    assertThat(tier.metrics().errors()).isEqualTo(2);
    assertThat(tier.metrics().details().getLong("retries")).isEqualTo(2);
  }

  @Test
  void aHandlerThatAlwaysFailsEndsAsADeadLetterThatCanBeReplayedAndDiscarded() {
    start(fastRetries().setRetryAttempts(3));
    AtomicInteger calls = new AtomicInteger();
    List<String> accepted = new CopyOnWriteArrayList<>();
    boolean[] healed = {false};
    await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), e -> {
      calls.incrementAndGet();
      if (!healed[0]) {
        throw new IllegalArgumentException("unknown account for " + orderId(e));
      }
      accepted.add(orderId(e));
    }));

    await(router.publish(order("AAPL", 1)));
    await(router.publish(order("TSLA", 2)));
    eventually(WAIT, () -> tier.status().deadLetters() == 2, "two dead letters");
    assertThat(calls.get()).isEqualTo(6);

    DeadLetterPage page = await(tier.deadLetters().list(DeadLetterQuery.all()));
    eventually(WAIT, () -> await(tier.deadLetters().list(DeadLetterQuery.all())).total() == 2, "both listed");
    page = await(tier.deadLetters().list(DeadLetterQuery.all()));
    assertThat(page.letters()).extracting(l -> orderId(l.event())).containsExactly("o-AAPL-1", "o-TSLA-2");
    DeadLetter first = page.letters().get(0);
    assertThat(first.attempts()).isEqualTo(3);
    assertThat(first.subscriber()).isEqualTo("execution");
    assertThat(first.lastError()).contains("unknown account for o-AAPL-1");
    assertThat(first.deadAt()).isNotNull();
    // filters and paging
    assertThat(await(tier.deadLetters().list(DeadLetterQuery.all().withSymbol("TSLA"))).letters())
        .extracting(DeadLetter::deliveryId).containsExactly(page.letters().get(1).deliveryId());
    DeadLetterPage firstPage = await(tier.deadLetters().list(DeadLetterQuery.all().withLimit(1)));
    assertThat(firstPage.letters()).hasSize(1);
    assertThat(firstPage.total()).isEqualTo(2);
    DeadLetterPage secondPage = await(tier.deadLetters().list(DeadLetterQuery.all().withLimit(1)
        .after(firstPage.nextAfter())));
    assertThat(secondPage.letters()).extracting(l -> orderId(l.event())).containsExactly("o-TSLA-2");
    assertThat(secondPage.nextAfter()).isEqualTo(-1);

    healed[0] = true;
    assertThat(await(tier.deadLetters().replay(first.deliveryId()))).isTrue();
    eventually(WAIT, () -> accepted.contains("o-AAPL-1"), "the replayed letter is delivered");
    eventually(WAIT, () -> count(bed.sql, "SELECT count(*) FROM " + table() + " WHERE status = 2") == 1,
        "replayed row delivered");
    assertThat(await(tier.deadLetters().replay(first.deliveryId()))).as("no longer a dead letter").isFalse();

    long second = page.letters().get(1).deliveryId();
    assertThat(await(tier.deadLetters().discard(second))).isTrue();
    assertThat(await(tier.deadLetters().discard(second))).isFalse();
    assertThat(await(tier.deadLetters().list(DeadLetterQuery.all())).letters()).isEmpty();
    assertThat(rows(bed.sql, "SELECT status FROM " + table() + " WHERE delivery_id = $1", second).get(0).get(0))
        .isEqualTo((short) 4);
    assertThat(accepted).containsExactly("o-AAPL-1");
    assertThat(tier.status().deadLetters()).isZero();
  }

  @Test
  void replayByFilterReplaysEveryMatchingLetter() {
    start(fastRetries().setRetryAttempts(1));
    boolean[] healed = {false};
    List<String> accepted = new CopyOnWriteArrayList<>();
    await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), e -> {
      if (!healed[0]) {
        throw new IllegalStateException("down");
      }
      accepted.add(orderId(e));
    }));
    for (int i = 0; i < 5; i++) {
      await(router.publish(order(i % 2 == 0 ? "AAPL" : "MSFT", i)));
    }
    eventually(WAIT, () -> tier.status().deadLetters() == 5, "five dead letters");
    eventually(WAIT, () -> await(tier.deadLetters().list(DeadLetterQuery.all())).total() == 5, "listed");
    healed[0] = true;
    assertThat(await(tier.deadLetters().replay(DeadLetterQuery.all().withSymbol("AAPL")))).isEqualTo(3);
    eventually(WAIT, () -> accepted.size() == 3, "three delivered");
    assertThat(accepted).containsExactly("o-AAPL-0", "o-AAPL-2", "o-AAPL-4");
    assertThat(await(tier.deadLetters().list(DeadLetterQuery.all())).letters())
        .extracting(l -> l.event().symbol()).containsOnly("MSFT");
  }

  @Test
  void aRetryingEventHoldsBackItsSubscriberAndSymbolOnly() {
    start(fastRetries().setBaseDelayMs(400));
    List<String> seen = new CopyOnWriteArrayList<>();
    AtomicInteger failuresLeft = new AtomicInteger(1);
    await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), e -> {
      String id = orderId(e);
      if (id.equals("o-AAPL-1") && failuresLeft.getAndDecrement() > 0) {
        seen.add(id + "!");
        throw new IllegalStateException("first try fails");
      }
      seen.add(id);
    }));
    List<String> other = new CopyOnWriteArrayList<>();
    await(router.subscribe(Subscription.of("audit", "risk", EventType.ORDER), e -> other.add(orderId(e))));

    for (int i = 1; i <= 3; i++) {
      await(router.publish(order("AAPL", i)));
      await(router.publish(order("MSFT", i)));
    }
    eventually(WAIT, () -> seen.size() == 7 && other.size() == 6, "everything delivered");
    List<String> aapl = seen.stream().filter(s -> s.contains("AAPL")).toList();
    assertThat(aapl).containsExactly("o-AAPL-1!", "o-AAPL-1", "o-AAPL-2", "o-AAPL-3");
    // MSFT was not held back by the AAPL retry (400 ms): all of it came before AAPL's retry
    assertThat(seen.indexOf("o-MSFT-3")).isLessThan(seen.indexOf("o-AAPL-1"));
    // nor was the other subscriber
    assertThat(other).containsExactlyInAnyOrder("o-AAPL-1", "o-AAPL-2", "o-AAPL-3", "o-MSFT-1", "o-MSFT-2", "o-MSFT-3");
    assertThat(other.stream().filter(s -> s.contains("AAPL")).toList())
        .containsExactly("o-AAPL-1", "o-AAPL-2", "o-AAPL-3");
  }

  @Test
  void filtersDecideWhoGetsARow() {
    start(fastRetries());
    List<String> got = new CopyOnWriteArrayList<>();
    await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER)
        .withFilter(dev.tierbus.router.Filter.symbols("AAPL")), e -> got.add(orderId(e))));
    await(router.publish(order("AAPL", 1)));
    await(router.publish(order("MSFT", 2)));
    eventually(WAIT, () -> got.size() == 1, "AAPL delivered");
    assertThat(count(bed.sql, "SELECT count(*) FROM " + table())).isEqualTo(1);
    assertThat(got).containsExactly("o-AAPL-1");
  }

  @Test
  void withNoSubscriberNothingIsJournalledAndThePublishSucceeds() {
    start(fastRetries());
    await(router.publish(order("AAPL", 1)));
    assertThat(count(bed.sql, "SELECT count(*) FROM " + table())).isZero();
  }

  @Test
  void tooManyUnconfirmedDeliveriesRefuseFurtherPublishes() throws Exception {
    start(fastRetries().setMaxInFlight(3).setDeliveryTimeoutMs(30_000));
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    List<String> got = new CopyOnWriteArrayList<>();
    await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), e -> {
      release.await();
      got.add(orderId(e));
    }));
    List<Throwable> failures = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      router.publish(order("AAPL", i)).onFailure(failures::add);
    }
    eventually(WAIT, () -> failures.size() == 2, "two refused");
    assertThat(failures).allSatisfy(f -> assertThat(f)
        .isInstanceOf(dev.tierbus.router.BackPressureException.class)
        .hasMessageContaining("max_in_flight 3"));
    release.countDown();
    eventually(WAIT, () -> got.size() == 3, "the three accepted are delivered");
    assertThat(count(bed.sql, "SELECT count(*) FROM " + table())).isEqualTo(3);
  }
}
