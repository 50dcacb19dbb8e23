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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A row PostgreSQL refuses (SQLSTATE class 22 or 23) fails that one publish or leaves out that
 * one outcome; the others of the same group commit go through and the journal stays usable.
 * The refusals come from the real server: a check constraint and a trigger added to the
 * test's own schema, and a handler whose error text holds a NUL, which a text column refuses.
 */
@Timeout(90)
class JournalRefusalTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int EVENTS = 2_000;

  @RegisterExtension
  final JournalTestBed bed = new JournalTestBed("refusal").routerCloseMayFail();
  private TieredEventRouter router;

  private ReliableTier install(ReliableTierOptions options) {
    router = bed.router(options);
    return bed.install(router);
  }

  private String table() {
    return bed.journal.getSchema() + ".delivery";
  }

  private static Event order(String symbol, int n) {
    return Event.of(EventType.ORDER, "risk", symbol, n, new Order("o-" + n, Side.BUY, 1, Double.NaN, "t"));
  }

  /** Refuses rows of symbol REFUSED (check constraint, 23514) and of symbol RANGE (trigger, 22003). */
  private void refuseTwoSymbols() {
    String s = bed.journal.getSchema();
    await(bed.sql.query("ALTER TABLE " + s + ".delivery ADD CONSTRAINT test_refuses_symbol"
        + " CHECK (symbol IS DISTINCT FROM 'REFUSED')").execute());
    await(bed.sql.query("CREATE FUNCTION " + s + ".out_of_range() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        + " RAISE EXCEPTION 'quantity out of range for this test' USING ERRCODE = 'numeric_value_out_of_range';"
        + " END $$").execute());
    await(bed.sql.query("CREATE TRIGGER test_out_of_range BEFORE INSERT ON " + s + ".delivery FOR EACH ROW"
        + " WHEN (NEW.symbol = 'RANGE') EXECUTE FUNCTION " + s + ".out_of_range()").execute());
  }

  @Test
  void aRefusedRowFailsOnlyItsOwnPublishAndTheRestOfItsGroupCommitIsJournalled() {
    ReliableTier tier = install(new ReliableTierOptions().setMaxConcurrentCommits(1));
    Set<String> handled = ConcurrentHashMap.newKeySet();
    await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER),
        e -> handled.add(e.payloadAs(Order.class).orderId())));
    refuseTwoSymbols();

    // published without waiting, so that they queue up behind the first commit and share commits
    List<Future<Void>> results = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      String symbol = i == 1_000 ? "REFUSED" : i == 1_500 ? "RANGE" : "AAPL";
      results.add(router.publish(order(symbol, i)));
    }
    await(Future.join(results).<Void>mapEmpty().recover(e -> Future.succeededFuture()));

    Map<Integer, Throwable> failed = new java.util.TreeMap<>();
    for (int i = 0; i < EVENTS; i++) {
      if (results.get(i).failed()) {
        failed.put(i, results.get(i).cause());
      }
    }
    assertThat(failed).containsOnlyKeys(1_000, 1_500);
    assertThat(failed.get(1_000)).isInstanceOf(JournalRefusedException.class)
        .hasMessageContaining("refused ORDER").hasMessageContaining("symbol REFUSED")
        .hasMessageContaining("test_refuses_symbol").hasMessageContaining("SQLSTATE 23514")
        .hasMessageContaining("was not published");
    assertThat(((JournalRefusedException) failed.get(1_000)).sqlState()).isEqualTo("23514");
    assertThat(failed.get(1_500)).isInstanceOf(JournalRefusedException.class)
        .hasMessageContaining("symbol RANGE").hasMessageContaining("quantity out of range for this test")
        .hasMessageContaining("SQLSTATE 22003");

    assertThat(tier.metrics().details().getLong("commits_split")).as("a group commit was split").isPositive();
    assertThat(tier.metrics().details().getLong("rows_refused")).isEqualTo(2);
    assertThat(tier.status().reachable()).as("%s", tier.status()).isTrue();
    assertThat(tier.status().lastError()).isNull();
    assertThat(count(bed.sql, "SELECT count(*) FROM " + table())).isEqualTo(EVENTS - 2);
    eventually(WAIT, () -> handled.size() == EVENTS - 2, "the others are delivered");
    assertThat(handled).doesNotContain("o-1000", "o-1500");

    // and the tier goes on taking publishes
    await(router.publish(order("MSFT", EVENTS)));
    eventually(WAIT, () -> handled.contains("o-" + EVENTS), "a later publish is delivered");
  }

  @Test
  void aHandlerErrorTextWithANulIsKeptReadablyInTheDeadLetter() {
    ReliableTier tier = install(new ReliableTierOptions().setRetryAttempts(1));
    await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), e -> {
      if (e.symbol().equals("BAD")) {
        throw new IllegalStateException("venue said \u0000 and \ud800 then stopped");
      }
    }));
    for (int i = 0; i < 20; i++) {
      await(router.publish(order(i == 7 ? "BAD" : "AAPL", i)));
    }
    eventually(WAIT, () -> count(bed.sql, "SELECT count(*) FROM " + table() + " WHERE status = 2") == 19,
        "the others are marked delivered");
    eventually(WAIT, () -> count(bed.sql, "SELECT count(*) FROM " + table() + " WHERE status = 3") == 1,
        "the failing one is a dead letter in the journal");
    String error = (String) JournalTestSupport.rows(bed.sql,
        "SELECT last_error FROM " + table() + " WHERE status = 3").get(0).get(0);
    assertThat(error).contains("venue said \ufffd and \ufffd then stopped");
    assertThat(tier.metrics().details().getLong("outcomes_refused")).isZero();
    assertThat(tier.status().reachable()).as("%s", tier.status()).isTrue();
  }

  @Test
  void aRefusedConfirmationIsLeftOutAloneAndTheOthersAreWritten() {
    ReliableTier tier = install(new ReliableTierOptions());
    String s = bed.journal.getSchema();
    await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), e -> { }));
    await(router.publish(order("AAPL", -1)));
    eventually(WAIT, () -> count(bed.sql, "SELECT count(*) FROM " + table() + " WHERE status = 2") == 1,
        "first delivered");
    await(bed.sql.query("CREATE FUNCTION " + s + ".no_confirm() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        + " RAISE EXCEPTION 'confirmation refused for this test' USING ERRCODE = 'check_violation'; END $$").execute());
    await(bed.sql.query("CREATE TRIGGER test_no_confirm BEFORE UPDATE ON " + s + ".delivery FOR EACH ROW"
        + " WHEN (NEW.symbol = 'STUCK' AND NEW.status = 2) EXECUTE FUNCTION " + s + ".no_confirm()").execute());

    List<Future<Void>> results = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      results.add(router.publish(order(i == 100 ? "STUCK" : "AAPL", i)));
    }
    await(Future.all(results));
    eventually(WAIT, () -> count(bed.sql, "SELECT count(*) FROM " + table() + " WHERE status = 2") == 200,
        "every other confirmation is written");
    eventually(WAIT, () -> tier.metrics().details().getLong("outcomes_refused") == 1, "one outcome refused");
    assertThat(JournalTestSupport.rows(bed.sql, "SELECT symbol, status FROM " + table() + " WHERE status <> 2"))
        .containsExactly(List.of("STUCK", (short) 1));
    assertThat(tier.status().reachable()).as("%s", tier.status()).isTrue();
    await(router.publish(order("MSFT", 1_000)));
    eventually(WAIT, () -> count(bed.sql, "SELECT count(*) FROM " + table() + " WHERE status = 2") == 201,
        "later confirmations are written");
  }
}
