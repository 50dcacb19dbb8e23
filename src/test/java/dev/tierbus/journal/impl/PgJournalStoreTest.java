package dev.tierbus.journal.impl;

import static dev.tierbus.journal.JournalTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventCodec;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Order;
import dev.tierbus.event.Side;
import dev.tierbus.journal.DeadLetterPage;
import dev.tierbus.journal.DeadLetterQuery;
import dev.tierbus.journal.JournalOptions;
import dev.tierbus.journal.JournalTestBed;
import dev.tierbus.journal.JournalTestSupport;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The PostgreSQL store's statements, one by one, against the real server. */
@Timeout(60)
class PgJournalStoreTest {

  /**
   * The confirmation statement, prepared and run six times while the table is small (when
   * PostgreSQL settles on a cached plan), still finds rows by primary key once the table holds
   * 100 000 pending rows: on the store's own connection settings.
   */
  @Test
  void confirmationsKeepFindingRowsByPrimaryKeyAsTheTableGrows() {
    Vertx vertx = Vertx.vertx();
    Pool sql = JournalTestSupport.sql(vertx);
    for (long retention : new long[] {0, 86_400_000L}) {
      JournalOptions journal = JournalTestSupport.freshJournal("plan").setRetentionMs(retention);
      String d = journal.getSchema() + ".delivery";
      io.vertx.pgclient.PgConnection conn = null;
      try {
        PgJournalStore store = new PgJournalStore(vertx, journal);
        await(store.start());
        await(store.close());
        conn = await(io.vertx.pgclient.PgConnection.connect(vertx, PgJournalStore.connectOptions(journal)));
        String insert = "INSERT INTO " + d + " (delivery_id, event_id, event_type, source, subscriber, event, status,"
            + " owner) SELECT g, g, 1, 'risk', 'broker', '\\x00', 1, 'n' FROM generate_series($1::bigint, $2::bigint) g";
        await(sql.preparedQuery(insert).execute(io.vertx.sqlclient.Tuple.of(1L, 40L)));
        await(conn.query("PREPARE confirm(bigint[]) AS " + store.confirmStatement().replace("$1::bigint[]", "$1"))
            .execute());
        for (int i = 0; i < 6; i++) {
          await(conn.query("EXECUTE confirm('{" + (2 * i + 1) + "," + (2 * i + 2) + "}')").execute());
        }
        await(sql.preparedQuery(insert).execute(io.vertx.sqlclient.Tuple.of(41L, 100_000L)));
        StringBuilder plan = new StringBuilder();
        for (io.vertx.sqlclient.Row r : await(conn.query("EXPLAIN EXECUTE confirm('{50000,50001}')").execute())) {
          plan.append(r.getString(0)).append('\n');
        }
        assertThat(plan.toString()).as("retention %d", retention).contains("delivery_pkey")
            .doesNotContain("delivery_pending");
      } finally {
        if (conn != null) {
          await(conn.close());
        }
        JournalTestSupport.dropSchema(sql, journal);
      }
    }
    await(vertx.close());
  }

  @Test
  void severalAttemptsOfOneDeliveryInOneBatchRecordTheLastOne() {
    try (JournalTestBed bed = new JournalTestBed("store")) {
      JournalOptions journal = bed.journal;
      PgJournalStore store = new PgJournalStore(bed.vertx, journal);
      long epoch = await(store.start());
      AppendBatch batch = new AppendBatch(2);
      Event e = Event.of(EventType.ORDER, "risk", "AAPL", 1, new Order("o-1", Side.BUY, 1, Double.NaN, "t"));
      Buffer bytes = Buffer.buffer();
      new EventCodec().encodeToWire(bytes, e);
      long id = epoch << JournalWriter.COUNTER_BITS;
      batch.add(id, e.id(), e.type().code(), e.source(), e.symbol(), "broker", bytes);
      batch.add(id + 1, e.id(), e.type().code(), e.source(), e.symbol(), "audit", bytes);
      await(store.append(batch));

      // attempt 1 failed (retry), attempt 2 failed (dead): both in one batch, in that order;
      // the other row fails once and is then confirmed in the same batch
      OutcomeBatch outcomes = new OutcomeBatch();
      outcomes.failures.add(new OutcomeBatch.Failure(id, 1, "first", 10, false));
      outcomes.failures.add(new OutcomeBatch.Failure(id + 1, 1, "once", 10, false));
      outcomes.failures.add(new OutcomeBatch.Failure(id, 2, "second", 0, true));
      outcomes.delivered.add(id + 1);
      await(store.record(outcomes));

      assertThat(await(store.countDead())).isEqualTo(1);
      DeadLetterPage page = await(store.listDead(DeadLetterQuery.all()));
      assertThat(page.letters()).singleElement().satisfies(l -> {
        assertThat(l.deliveryId()).isEqualTo(id);
        assertThat(l.attempts()).isEqualTo(2);
        assertThat(l.lastError()).isEqualTo("second");
        assertThat(l.event().payloadAs(Order.class).orderId()).isEqualTo("o-1");
      });
      assertThat(JournalTestSupport.count(bed.sql, "SELECT status FROM " + journal.getSchema()
          + ".delivery WHERE delivery_id = $1", id + 1)).isEqualTo(2);
      await(store.close());
    }
  }
}
