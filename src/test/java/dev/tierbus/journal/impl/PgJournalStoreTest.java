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
import dev.tierbus.journal.JournalTestSupport;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The PostgreSQL store's statements, one by one, against the real server. */
@Timeout(60)
class PgJournalStoreTest {

  @Test
  void severalAttemptsOfOneDeliveryInOneBatchRecordTheLastOne() {
    Vertx vertx = Vertx.vertx();
    Pool sql = JournalTestSupport.sql(vertx);
    JournalOptions journal = JournalTestSupport.freshJournal("store");
    try {
      PgJournalStore store = new PgJournalStore(vertx, journal);
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
      assertThat(JournalTestSupport.count(sql, "SELECT status FROM " + journal.getSchema()
          + ".delivery WHERE delivery_id = $1", id + 1)).isEqualTo(2);
      await(store.close());
    } finally {
      JournalTestSupport.dropSchema(sql, journal);
      await(vertx.close());
    }
  }
}
