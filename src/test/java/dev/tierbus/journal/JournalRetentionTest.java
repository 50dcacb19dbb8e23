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
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the journal keeps of a confirmed delivery: by default nothing (the confirmation deletes
 * the row); with {@code retention_ms} the row marked delivered, purged after that long.
 */
@Timeout(90)
class JournalRetentionTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  final JournalTestBed bed = new JournalTestBed("retention").routerCloseMayFail();
  private TieredEventRouter router;

  private ReliableTier install(JournalOptions options, ReliableTierOptions reliable) {
    router = bed.router(reliable);
    return bed.install(router, options);
  }

  private String table() {
    return bed.journal.getSchema() + ".delivery";
  }

  private static Event order(String symbol, int n) {
    return Event.of(EventType.ORDER, "risk", symbol, n, new Order("o-" + n, Side.BUY, 1, Double.NaN, "t"));
  }

  private void publishAll(int n, String symbol) {
    List<Future<Void>> published = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      published.add(router.publish(order(symbol, i)));
    }
    await(Future.all(published));
  }

  @Test
  void byDefaultAConfirmationDeletesItsRowAndADeadLetterStays() {
    assertThat(new JournalOptions().getRetentionMs()).isZero();
    ReliableTier tier = install(bed.journal.copy().setRetentionMs(JournalOptions.DEFAULT_RETENTION_MS),
        new ReliableTierOptions().setRetryAttempts(1));
    String effects = bed.journal.getSchema() + ".effects";
    await(bed.sql.query("CREATE TABLE " + effects + " (delivery_id bigint PRIMARY KEY)").execute());
    await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), e -> {
      if (e.symbol().equals("BAD")) {
        throw new IllegalStateException("refused by the venue");
      }
    }));
    await(router.subscribe(Subscription.of("ledger", "risk", EventType.ORDER),
        (InboxHandler) (e, tx) -> tx.preparedQuery("INSERT INTO " + effects + " VALUES ($1)")
            .execute(Tuple.of(ReliableDelivery.of(e).orElseThrow().deliveryId())).mapEmpty()));

    publishAll(300, "AAPL");
    await(router.publish(order("BAD", 300)));
    eventually(WAIT, () -> count(bed.sql, "SELECT count(*) FROM " + effects) == 301, "every inbox effect applied");
    eventually(WAIT, () -> count(bed.sql, "SELECT count(*) FROM " + table()) == 1, "only the dead letter is left");
    assertThat(JournalTestSupport.rows(bed.sql, "SELECT symbol, subscriber, status FROM " + table()))
        .containsExactly(List.of("BAD", "execution", (short) 3));
    assertThat(tier.status().pending()).isZero();
    assertThat(tier.deadLetters().list(DeadLetterQuery.all()).toCompletionStage().toCompletableFuture().join()
        .letters()).hasSize(1);
  }

  @Test
  void withARetentionDeliveredRowsAreKeptThatLongThenPurgedBatchAfterBatch() {
    install(bed.journal.copy().setRetentionMs(3_000), new ReliableTierOptions());
    await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), e -> { }));
    publishAll(2_500, "AAPL"); // more than one purge batch of 1 000
    eventually(WAIT, () -> count(bed.sql, "SELECT count(*) FROM " + table() + " WHERE status = 2") == 2_500,
        "all marked delivered and kept");
    eventually(WAIT, () -> count(bed.sql, "SELECT count(*) FROM " + table()) == 0,
        "all purged once the retention has passed");
  }
}
