package dev.tierbus.journal.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * Records delivery outcomes in the journal, batched: confirmations (rows marked delivered) and
 * failed attempts (attempts, last error, next attempt time, dead letters).
 *
 * <p>One transaction at a time; what comes in meanwhile goes into the next (at most
 * {@value #MAX_BATCH} outcomes each). A failed write keeps its outcomes and is tried again
 * after the reconnect interval: until it succeeds those deliveries would be delivered again
 * after a crash (flagged redelivered), never lost. When PostgreSQL refuses a value of the
 * batch ({@link DataErrors}), the batch is written again in halves until the refused outcome
 * is alone; that one is logged and left out (its row stays pending: after a restart it is
 * delivered again, flagged redelivered), the others are written, and the journal is not taken
 * for unreachable. Tier context only.
 */
final class OutcomeWriter {

  static final int MAX_BATCH = 10_000;
  /**
   * How long a small batch of confirmations waits for more before it is written. Each write is a
   * transaction with its own flush of the write-ahead log; writing every confirmation as it
   * came kept a PostgreSQL backend busy at 10 000 events/s (85 % of a core on a 2-core
   * machine, beside the journal's own inserts). Confirmations are already known to the tier: a
   * later write only widens, by this much, what a crash would deliver again (flagged redelivered).
   */
  static final long LINGER_MS = 5;
  /** A batch this large is written at once. */
  static final int LINGER_BELOW = 1_000;

  private final ReliableTierImpl tier;
  private OutcomeBatch pending = new OutcomeBatch();
  private boolean writing;
  private long retryTimer = -1;
  private long lingerTimer = -1;
  private final List<Promise<Void>> flushWaiters = new ArrayList<>();

  OutcomeWriter(ReliableTierImpl tier) {
    this.tier = tier;
  }

  void delivered(long deliveryId) {
    pending.delivered.add(deliveryId);
    kick();
  }

  void failed(OutcomeBatch.Failure failure) {
    pending.failures.add(failure);
    kick();
  }

  /** Outcomes not yet written. */
  int backlog() {
    return pending.size();
  }

  /** Completes once everything handed in so far is written (or failed to be, on close). */
  Future<Void> flush() {
    if (pending.isEmpty() && !writing) {
      return Future.succeededFuture();
    }
    Promise<Void> p = Promise.promise();
    flushWaiters.add(p);
    if (lingerTimer != -1) {
      tier.vertx().cancelTimer(lingerTimer);
      lingerTimer = -1;
      write();
    }
    return p.future();
  }

  /** Starts a write when none runs: at once for a large batch (or a flush), after {@link #LINGER_MS} for a small one. */
  private void kick() {
    if (writing || retryTimer != -1 || lingerTimer != -1) {
      return;
    }
    if (pending.isEmpty()) {
      List<Promise<Void>> waiters = new ArrayList<>(flushWaiters);
      flushWaiters.clear();
      waiters.forEach(Promise::tryComplete);
      return;
    }
    // failed attempts and dead letters are rare and shown at once (dead-letter listings): no wait
    if (pending.size() < LINGER_BELOW && pending.failures.isEmpty() && flushWaiters.isEmpty()) {
      lingerTimer = tier.vertx().setTimer(LINGER_MS, t -> {
        lingerTimer = -1;
        write();
      });
      return;
    }
    write();
  }

  /** Writes the next batch now. */
  private void write() {
    if (writing || retryTimer != -1 || pending.isEmpty()) {
      kick();
      return;
    }
    tier.counters().outcomeWrites.increment();
    OutcomeBatch batch = take();
    writing = true;
    write(batch).onComplete(ar -> {
      writing = false;
      if (ar.failed()) {
        putBack(batch);
        tier.journalFailed(ar.cause());
        retryTimer = tier.vertx().setTimer(tier.journalOptions().getReconnectIntervalMs(), t -> {
          retryTimer = -1;
          kick();
        });
      } else {
        kick();
      }
    });
  }

  /**
   * Records {@code batch}; fails only for an outage. A refused value halves the batch until the
   * refused outcome is alone. After an outage the whole batch is put back: writing an outcome
   * again is harmless (rows change only while pending, to the same values).
   */
  private Future<Void> write(OutcomeBatch batch) {
    return tier.store().record(batch).recover(cause -> {
      if (!DataErrors.isDataError(cause)) {
        return Future.failedFuture(cause);
      }
      if (batch.size() == 1) {
        long id = batch.delivered.isEmpty() ? batch.failures.get(0).deliveryId() : batch.delivered.get(0);
        tier.counters().outcomesRefused.increment();
        tier.reportRefused(new IllegalStateException("reliable tier: the journal refused the outcome of delivery " + id
            + " (" + (batch.delivered.isEmpty() ? "failed attempt" : "confirmation") + "): " + DataErrors.message(cause)
            + " (SQLSTATE " + DataErrors.sqlState(cause) + "); left out, the row stays pending"));
        return Future.succeededFuture();
      }
      OutcomeBatch[] halves = batch.halves();
      return write(halves[0]).compose(v -> write(halves[1]));
    });
  }

  /** The next batch: all pending outcomes, or the first {@value #MAX_BATCH} of them. */
  private OutcomeBatch take() {
    if (pending.size() <= MAX_BATCH) {
      OutcomeBatch b = pending;
      pending = new OutcomeBatch();
      return b;
    }
    OutcomeBatch b = new OutcomeBatch();
    int nf = Math.min(pending.failures.size(), MAX_BATCH);
    b.failures.addAll(pending.failures.subList(0, nf));
    pending.failures.subList(0, nf).clear();
    int nd = Math.min(pending.delivered.size(), MAX_BATCH - nf);
    b.delivered.addAll(pending.delivered.subList(0, nd));
    pending.delivered.subList(0, nd).clear();
    return b;
  }

  private void putBack(OutcomeBatch batch) {
    batch.failures.addAll(pending.failures);
    batch.delivered.addAll(pending.delivered);
    pending = batch;
  }

  /** Gives up waiting for writes (on close): flush waiters complete now. */
  void abandon() {
    if (retryTimer != -1) {
      tier.vertx().cancelTimer(retryTimer);
      retryTimer = -1;
    }
    if (lingerTimer != -1) {
      tier.vertx().cancelTimer(lingerTimer);
      lingerTimer = -1;
    }
    List<Promise<Void>> waiters = new ArrayList<>(flushWaiters);
    flushWaiters.clear();
    waiters.forEach(Promise::tryComplete);
  }
}
