package dev.tierbus.journal.impl;

import dev.tierbus.event.EventCodec;
import dev.tierbus.journal.DeadLetter;
import dev.tierbus.journal.DeadLetterPage;
import dev.tierbus.journal.DeadLetterQuery;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The journal in the JVM's heap: the {@code memory} durability level. Everything the
 * PostgreSQL store keeps, kept in a sorted map; a crash loses it all. Inbox handlers are not
 * supported (there is no database transaction to join).
 *
 * <p>Delivered rows are dropped at once (there is nothing to purge later). Only the tier's
 * context touches the map.
 */
final class MemoryJournalStore implements JournalStore {

  private static final EventCodec CODEC = new EventCodec();

  private static final class MemoryRow {
    final long id;
    final String subscriber;
    final dev.tierbus.event.Event event;
    final long createdMillis;
    DeliveryStatus status = DeliveryStatus.PENDING;
    int attempts;
    String lastError;
    long deadMillis;

    MemoryRow(long id, String subscriber, dev.tierbus.event.Event event, long createdMillis) {
      this.id = id;
      this.subscriber = subscriber;
      this.event = event;
      this.createdMillis = createdMillis;
    }

    JournalRow snapshot() {
      return new JournalRow(id, subscriber, event, status, attempts, lastError, createdMillis, deadMillis);
    }
  }

  private final TreeMap<Long, MemoryRow> rows = new TreeMap<>();
  private long epoch;

  @Override
  public Future<Long> start() {
    return Future.succeededFuture(++epoch);
  }

  @Override
  public Future<Long> nextEpoch() {
    return Future.succeededFuture(++epoch);
  }

  @Override
  public Future<List<JournalRow>> loadPending(long afterId, int limit) {
    List<JournalRow> out = new ArrayList<>();
    for (MemoryRow r : rows.tailMap(afterId, false).values()) {
      if (r.status == DeliveryStatus.PENDING) {
        out.add(r.snapshot());
        if (out.size() == limit) {
          break;
        }
      }
    }
    return Future.succeededFuture(out);
  }

  @Override
  public Future<Void> append(AppendBatch b) {
    long now = System.currentTimeMillis();
    for (int i = 0; i < b.size; i++) {
      // decoded from the bytes a PostgreSQL journal would store: the same codec checks apply
      rows.put(b.deliveryIds[i], new MemoryRow(b.deliveryIds[i], b.subscribers[i],
          CODEC.decodeFromWire(0, b.events[i]), now));
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> record(OutcomeBatch outcomes) {
    long now = System.currentTimeMillis();
    for (OutcomeBatch.Failure f : outcomes.failures) {
      MemoryRow r = rows.get(f.deliveryId());
      if (r != null && r.status == DeliveryStatus.PENDING) {
        r.attempts = f.attempts();
        r.lastError = f.error();
        if (f.dead()) {
          r.status = DeliveryStatus.DEAD;
          r.deadMillis = now;
        }
      }
    }
    for (Long id : outcomes.delivered) {
      MemoryRow r = rows.get(id);
      if (r != null && r.status == DeliveryStatus.PENDING) {
        rows.remove(id);
      }
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Long> countDead() {
    return Future.succeededFuture(rows.values().stream().filter(r -> r.status == DeliveryStatus.DEAD).count());
  }

  private static boolean matches(MemoryRow r, DeadLetterQuery q) {
    return r.status == DeliveryStatus.DEAD
        && (q.subscriber() == null || q.subscriber().equals(r.subscriber))
        && (q.type() == null || q.type() == r.event.type())
        && (q.source() == null || q.source().equals(r.event.source()))
        && (q.symbol() == null || q.symbol().equals(r.event.symbol()))
        && (q.deadSince() == null || r.deadMillis >= q.deadSince().toEpochMilli())
        && (q.deadBefore() == null || r.deadMillis < q.deadBefore().toEpochMilli());
  }

  @Override
  public Future<DeadLetterPage> listDead(DeadLetterQuery q) {
    List<DeadLetter> letters = new ArrayList<>();
    long total = 0;
    long next = -1;
    for (Map.Entry<Long, MemoryRow> e : rows.entrySet()) {
      MemoryRow r = e.getValue();
      if (!matches(r, q)) {
        continue;
      }
      total++;
      if (r.id > q.afterDeliveryId()) {
        if (letters.size() < q.limit()) {
          letters.add(PgJournalStore.toDeadLetter(r.snapshot()));
        } else if (next < 0) {
          next = letters.get(letters.size() - 1).deliveryId();
        }
      }
    }
    return Future.succeededFuture(new DeadLetterPage(letters, total, next));
  }

  @Override
  public Future<List<JournalRow>> replayDead(DeadLetterQuery q, long id) {
    List<JournalRow> out = new ArrayList<>();
    for (MemoryRow r : rows.values()) {
      if (id > 0 ? r.id == id && r.status == DeliveryStatus.DEAD : matches(r, q)) {
        r.status = DeliveryStatus.PENDING;
        r.attempts = 0;
        r.lastError = null;
        r.deadMillis = 0;
        out.add(r.snapshot());
      }
    }
    return Future.succeededFuture(out);
  }

  @Override
  public Future<Boolean> discardDead(long id) {
    MemoryRow r = rows.get(id);
    if (r == null || r.status != DeliveryStatus.DEAD) {
      return Future.succeededFuture(false);
    }
    r.status = DeliveryStatus.DISCARDED;
    return Future.succeededFuture(true);
  }

  @Override
  public Future<Boolean> inTransaction(long deliveryId, Function<SqlConnection, Future<Void>> effect) {
    return Future.failedFuture(new UnsupportedOperationException(
        "inbox handlers need the postgresql journal; this node's journal is in memory"));
  }

  @Override
  public Future<Void> renewLease() {
    return Future.succeededFuture();
  }

  @Override
  public Future<Integer> purgeDelivered() {
    return Future.succeededFuture(0);
  }

  @Override
  public Future<Void> probe() {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  @Override
  public String describe() {
    return "memory (not durable)";
  }

  @Override
  public boolean supportsInbox() {
    return false;
  }
}
