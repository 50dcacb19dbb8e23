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
import dev.tierbus.router.Subscription;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reliable tier when things go wrong: lost confirmations, an unreachable journal, a
 * restart, another node taking over, exactly-once inbox effects.
 */
@Timeout(90)
class ReliableTierFaultsTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension
  final JournalTestBed bed = new JournalTestBed("faults").routerCloseMayFail();

  private static ReliableTierOptions shortTimeouts() {
    return new ReliableTierOptions().setBaseDelayMs(20).setMaxDelayMs(200).setDeliveryTimeoutMs(300);
  }

  private static Event order(String symbol, int n) {
    return Event.of(EventType.ORDER, "risk", symbol, n, new Order("o-" + symbol + "-" + n, Side.SELL, 2, 10.5, "t"));
  }

  private static String orderId(Event e) {
    return e.payloadAs(Order.class).orderId();
  }

  private String table() {
    return bed.journal.getSchema() + ".delivery";
  }

  /**
   * A node on {@code journal} whose ORDER subscriber always throws {@code error} and whose retries
   * wait a minute: what it journals stays pending.
   */
  private TieredEventRouter failingNode(JournalOptions journal, String error) {
    ReliableTierOptions failing = shortTimeouts().setRetryAttempts(1000).setBaseDelayMs(60_000).setMaxDelayMs(60_000);
    TieredEventRouter router = bed.router(failing);
    bed.install(router, journal);
    await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), e -> {
      throw new IllegalStateException(error);
    }));
    return router;
  }

  /** Drops the first {@code n} confirmations on their way back to the tier. */
  private static void loseConfirmations(Vertx on, int n) {
    AtomicInteger left = new AtomicInteger(n);
    on.eventBus().addOutboundInterceptor(ctx -> {
      Object body = ctx.message().body();
      if (body != null && body.getClass().getSimpleName().equals("DeliveryReply") && left.getAndDecrement() > 0) {
        return; // not passed on: the confirmation is lost
      }
      ctx.next();
    });
  }

  @Test
  void aLostConfirmationLeadsToARedeliveryTheHandlerDoesNotSeeTwice() {
    TieredEventRouter router = bed.router(shortTimeouts());
    ReliableTier tier = bed.install(router);
    List<Event> handled = new CopyOnWriteArrayList<>();
    await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), handled::add));
    loseConfirmations(bed.vertx, 1);

    await(router.publish(order("AAPL", 1)));
    eventually(WAIT, () -> count(bed.sql, "SELECT count(*) FROM " + table() + " WHERE status = 2") == 1, "delivered");

    assertThat(handled).hasSize(1);
    assertThat(tier.metrics().details().getLong("retries")).isEqualTo(1);
    assertThat(tier.metrics().details().getLong("duplicates_skipped")).isEqualTo(1);
    assertThat(tier.metrics().delivered()).isEqualTo(1);
  }

  @Test
  void aDeliveryStillRunningWhenItTimesOutIsNotRunAgainByItsRetry() throws Exception {
    TieredEventRouter router = bed.router(shortTimeouts().setDeliveryTimeoutMs(100));
    bed.install(router);
    AtomicInteger calls = new AtomicInteger();
    java.util.concurrent.CountDownLatch slow = new java.util.concurrent.CountDownLatch(1);
    await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), e -> {
      if (calls.incrementAndGet() == 1) {
        slow.await(); // the first run outlives the delivery timeout
      }
    }));
    await(router.publish(order("AAPL", 1)));
    eventually(WAIT, () -> count(bed.sql, "SELECT attempts FROM " + table()) >= 2, "timed out twice");
    slow.countDown();
    eventually(WAIT, () -> count(bed.sql, "SELECT count(*) FROM " + table() + " WHERE status = 2") == 1, "delivered");
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void anUnreachableJournalFailsPublishesClearlyAndTheTierReconnects() {
    TcpProxy proxy = new TcpProxy(bed.vertx, JournalTestSupport.HOST, JournalTestSupport.PORT);
    int port = await(proxy.listen());
    JournalOptions viaProxy = bed.journal.copy().setPort(port);
    TieredEventRouter router = bed.router(shortTimeouts());
    ReliableTier tier = bed.install(router, viaProxy);
    Set<String> handled = ConcurrentHashMap.newKeySet();
    await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), e -> handled.add(orderId(e))));
    List<String> acknowledged = new CopyOnWriteArrayList<>();
    await(router.publish(order("AAPL", 0)));
    acknowledged.add("o-AAPL-0");

    await(proxy.cut());
    List<Throwable> failures = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      Event e = order("AAPL", i);
      try {
        await(router.publish(e));
        acknowledged.add(orderId(e));
      } catch (AssertionError failed) {
        failures.add(failed.getCause());
      }
    }
    assertThat(failures).isNotEmpty();
    assertThat(failures).allSatisfy(f -> assertThat(f).isInstanceOf(JournalUnavailableException.class)
        .hasMessageContaining("unreachable").hasMessageContaining("was not published"));
    JournalStatus down = tier.status();
    assertThat(down.reachable()).isFalse();
    assertThat(down.lastError()).isNotBlank();
    assertThat(tier.metrics().details().getBoolean("journal_reachable")).isFalse();

    await(proxy.listen());
    eventually(WAIT, () -> tier.status().reachable(), "the tier reconnects");
    Event after = order("AAPL", 99);
    await(router.publish(after));
    acknowledged.add(orderId(after));
    eventually(WAIT, () -> handled.containsAll(acknowledged), "every acknowledged publish is delivered");
    // nothing acknowledged is missing from the journal
    List<String> journalled = new ArrayList<>();
    for (io.vertx.sqlclient.Row r : await(bed.sql.query("SELECT event FROM " + table()).execute())) {
      journalled.add(orderId(new dev.tierbus.event.EventCodec().decodeFromWire(0, r.getBuffer(0))));
    }
    assertThat(journalled).containsAll(acknowledged);
  }

  @Test
  void aRestartedNodeRedeliversWhatItHadNotDeliveredInOrderFlaggedRedelivered() {
    // first life: the subscriber keeps failing, nothing gets confirmed
    TieredEventRouter first = failingNode(bed.journal, "broker down");
    for (int i = 0; i < 10; i++) {
      await(first.publish(order(i % 2 == 0 ? "AAPL" : "MSFT", i)));
    }
    eventually(WAIT, () -> count(bed.sql, "SELECT count(*) FROM " + table() + " WHERE attempts = 1") == 2,
        "the head of each lane failed once");
    bed.closeRouter(first);
    assertThat(count(bed.sql, "SELECT count(*) FROM " + table() + " WHERE status = 1")).isEqualTo(10);

    // second life, same node: everything comes again, in order per symbol, flagged
    Vertx second = Vertx.vertx();
    try {
      TieredEventRouter again = bed.router(second, shortTimeouts());
      ReliableTier tier = bed.install(again);
      assertThat(tier.metrics().details().getLong("recovered")).isEqualTo(10);
      List<Event> got = new CopyOnWriteArrayList<>();
      await(again.subscribe(Subscription.of("execution", "risk", EventType.ORDER), got::add));
      eventually(WAIT, () -> count(bed.sql, "SELECT count(*) FROM " + table() + " WHERE status = 2") == 10,
          "all delivered after the restart");
      assertThat(got).extracting(e -> ReliableDelivery.of(e).orElseThrow().redelivered()).containsOnly(true);
      assertThat(got.stream().filter(e -> e.symbol().equals("AAPL")).map(ReliableTierFaultsTest::orderId).toList())
          .containsExactly("o-AAPL-0", "o-AAPL-2", "o-AAPL-4", "o-AAPL-6", "o-AAPL-8");
      assertThat(got.stream().filter(e -> e.symbol().equals("MSFT")).map(ReliableTierFaultsTest::orderId).toList())
          .containsExactly("o-MSFT-1", "o-MSFT-3", "o-MSFT-5", "o-MSFT-7", "o-MSFT-9");
      Event aapl0 = got.stream().filter(e -> orderId(e).equals("o-AAPL-0")).findFirst().orElseThrow();
      assertThat(ReliableDelivery.of(aapl0).orElseThrow().attempt()).as("the failed attempt was recorded").isEqualTo(2);
      bed.closeRouter(again);
    } finally {
      await(second.close());
    }
  }

  @Test
  void anotherNodeTakesOverTheRowsOfANodeWhoseLeaseRanOut() {
    TieredEventRouter a = failingNode(bed.journal.copy().setNodeId("node-a"), "down");
    for (int i = 0; i < 3; i++) {
      await(a.publish(order("AAPL", i)));
    }
    // node-a stops (its lease ends with it); node-b starts on the same journal
    bed.closeRouter(a);
    TieredEventRouter b = bed.router(shortTimeouts());
    ReliableTier tierB = bed.install(b, bed.journal.copy().setNodeId("node-b"));
    assertThat(tierB.metrics().details().getLong("recovered")).isEqualTo(3);
    List<String> got = new CopyOnWriteArrayList<>();
    await(b.subscribe(Subscription.of("execution", "risk", EventType.ORDER), e -> got.add(orderId(e))));
    eventually(WAIT, () -> got.size() == 3, "node-b delivers node-a's rows");
    assertThat(got).containsExactly("o-AAPL-0", "o-AAPL-1", "o-AAPL-2");
    assertThat(count(bed.sql, "SELECT count(*) FROM " + table() + " WHERE owner = 'node-b'")).isEqualTo(3);
  }

  @Test
  void aLiveNodesRowsAreNotTakenOver() {
    TieredEventRouter a = failingNode(bed.journal.copy().setNodeId("node-a"), "down");
    await(a.publish(order("AAPL", 1)));
    TieredEventRouter b = bed.router(shortTimeouts());
    ReliableTier tierB = bed.install(b, bed.journal.copy().setNodeId("node-b"));
    assertThat(tierB.metrics().details().getLong("recovered")).isZero();
    assertThat(count(bed.sql, "SELECT count(*) FROM " + table() + " WHERE owner = 'node-a'")).isEqualTo(1);
  }

  @Test
  void anInboxHandlerAppliesEachEffectExactlyOnceEvenWhenConfirmationsAreLost() {
    TieredEventRouter router = bed.router(shortTimeouts());
    ReliableTier tier = bed.install(router);
    String effects = bed.journal.getSchema() + ".fills_applied";
    await(bed.sql.query("CREATE TABLE " + effects + " (delivery_id bigint, order_id text)").execute());
    AtomicInteger calls = new AtomicInteger();
    AtomicBoolean failOnce = new AtomicBoolean(true);
    InboxHandler inbox = (event, tx) -> {
      calls.incrementAndGet();
      long id = ReliableDelivery.of(event).orElseThrow().deliveryId();
      Future<Void> insert = tx.preparedQuery("INSERT INTO " + effects + " VALUES ($1, $2)")
          .execute(Tuple.of(id, orderId(event))).mapEmpty();
      // one effect fails after writing: its transaction must roll back, the retry applies it once
      if (orderId(event).equals("o-AAPL-3") && failOnce.getAndSet(false)) {
        return insert.compose(v -> Future.failedFuture(new IllegalStateException("rejected after writing")));
      }
      return insert;
    };
    await(router.subscribe(Subscription.of("ledger", "risk", EventType.ORDER), inbox));
    loseConfirmations(bed.vertx, 3);

    for (int i = 0; i < 10; i++) {
      await(router.publish(order("AAPL", i)));
    }
    eventually(WAIT, () -> count(bed.sql, "SELECT count(*) FROM " + table() + " WHERE status = 2") == 10,
        "all delivered");
    eventually(WAIT, () -> tier.metrics().details().getLong("pending") == 0, "all confirmed");
    assertThat(count(bed.sql, "SELECT count(*) FROM " + effects)).isEqualTo(10);
    assertThat(count(bed.sql, "SELECT count(DISTINCT order_id) FROM " + effects)).isEqualTo(10);
    // ten effects, one failed run rolled back; lost confirmations did not run anything again
    assertThat(calls.get()).isEqualTo(11);
  }
}
