package dev.tierbus.journal.impl;

import dev.tierbus.event.Event;
import dev.tierbus.journal.JournalRefusedException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Group commit: journals what publishers hand in, many publishes per transaction.
 *
 * <pre>
 * publisher threads ──submit──► queue ──► (tier context) take up to commit_batch_rows rows,
 *      assign delivery ids, append ──► ... up to max_concurrent_commits appends in flight
 * commit done ──► (in id order) complete each publish Future, hand its deliveries to the dispatcher
 * </pre>
 *
 * <p>What arrives while commits run waits for the next one, so the batch grows with the load
 * and throughput with it, while the latency at low load stays one commit. When PostgreSQL
 * refuses a value of the batch ({@link DataErrors}: SQLSTATE class 22 or 23), the batch is
 * halved and each half written again until the refused publish is alone: only it fails
 * ({@link JournalRefusedException}), the others of the batch are journalled, and the journal
 * stays usable. Any other failure is an outage: every publish of the batch fails with
 * {@link dev.tierbus.journal.JournalUnavailableException}. Completions are
 * handed on in delivery-id order even when a later commit finishes first, so per (subscriber,
 * symbol) order holds. Delivery ids are {@code epoch << 40 | counter}: increasing on this node
 * in publish order, unique across nodes and restarts (the epoch comes from the journal).
 */
final class JournalWriter {

  static final int COUNTER_BITS = 40;
  private static final long COUNTER_LIMIT = 1L << COUNTER_BITS;
  /** Room kept at the end of an epoch: more than one commit can take (rows and subscribers per event). */
  private static final long EPOCH_MARGIN = 1L << 30;

  /** One publish: its event, its subscribers, and the Future its publisher waits on. */
  record Append(Event event, Buffer bytes, String[] subscribers, Promise<Void> promise, long publishNanos) {}

  private static final class Commit {
    final List<Append> appends = new ArrayList<>();
    long firstId;
    int rows;
    /** Delivery id of each append's first row. */
    long[] ids;
    /** Per append: null when journalled, else why not. */
    Throwable[] failures;
    /** The outage that stopped this commit, if one did. */
    Throwable outage;
    boolean done;
  }

  private final ReliableTierImpl tier;
  private final int maxRows;
  private final int maxConcurrent;
  private final ConcurrentLinkedQueue<Append> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final ArrayDeque<Commit> commits = new ArrayDeque<>();
  private int running;
  private long epoch = -1;
  private long counter;
  private boolean epochPending;

  JournalWriter(ReliableTierImpl tier, int maxRows, int maxConcurrent) {
    this.tier = tier;
    this.maxRows = maxRows;
    this.maxConcurrent = maxConcurrent;
  }

  /** Sets the epoch of the ids to come (on start, from the journal). */
  void epoch(long newEpoch) {
    if (newEpoch < 0 || newEpoch >= (1L << (63 - COUNTER_BITS))) {
      throw new IllegalStateException("journal epoch " + newEpoch + " is out of range");
    }
    epoch = newEpoch;
    counter = 0;
  }

  /** Hands in a publish; any thread. */
  void submit(Append append) {
    queue.add(append);
    if (scheduled.compareAndSet(false, true)) {
      tier.context().runOnContext(v -> {
        scheduled.set(false);
        pump();
      });
    }
  }

  /** True when nothing is queued or being committed. */
  boolean idle() {
    return queue.isEmpty() && running == 0 && commits.isEmpty();
  }

  /** Starts commits while there is work and room; tier context. */
  void pump() {
    while (running < maxConcurrent && !queue.isEmpty() && !epochPending) {
      if (!tier.journalUsable()) {
        failQueued();
        return;
      }
      if (epoch < 0 || counter > COUNTER_LIMIT - EPOCH_MARGIN) {
        renewEpoch();
        return;
      }
      Commit c = new Commit();
      Append next;
      while ((next = queue.peek()) != null && (c.rows == 0 || c.rows + next.subscribers().length <= maxRows)) {
        queue.poll();
        c.appends.add(next);
        c.rows += next.subscribers().length;
      }
      c.firstId = (epoch << COUNTER_BITS) | counter;
      counter += c.rows;
      c.ids = new long[c.appends.size()];
      c.failures = new Throwable[c.appends.size()];
      long id = c.firstId;
      for (int i = 0; i < c.ids.length; i++) {
        c.ids[i] = id;
        id += c.appends.get(i).subscribers().length;
      }
      running++;
      commits.add(c);
      write(c, 0, c.appends.size()).onComplete(ar -> {
        running--;
        c.done = true;
        handOnCompleted();
        pump();
      });
    }
  }

  /**
   * Journals appends {@code [from, to)} of {@code c} in one statement; completes (never
   * fails) once each of them is journalled or has its failure in {@code c.failures}. A refused
   * value splits the range in halves, written one after the other, until the refused publish
   * is alone; the rows keep the ids they were given, so order holds and a refused publish
   * leaves a gap.
   */
  private Future<Void> write(Commit c, int from, int to) {
    if (c.outage != null) {
      for (int i = from; i < to; i++) {
        c.failures[i] = c.outage;
      }
      return Future.succeededFuture();
    }
    return tier.store().append(batch(c, from, to)).transform(ar -> {
      if (ar.succeeded()) {
        return Future.succeededFuture();
      }
      Throwable cause = ar.cause();
      if (!DataErrors.isDataError(cause)) {
        c.outage = cause;
        for (int i = from; i < to; i++) {
          c.failures[i] = cause;
        }
        return Future.succeededFuture();
      }
      if (to - from == 1) {
        c.failures[from] = refused(c.appends.get(from), cause);
        return Future.succeededFuture();
      }
      tier.counters().commitsSplit.increment();
      int mid = (from + to) >>> 1;
      return write(c, from, mid).compose(v -> write(c, mid, to));
    });
  }

  private static AppendBatch batch(Commit c, int from, int to) {
    int rows = 0;
    for (int i = from; i < to; i++) {
      rows += c.appends.get(i).subscribers().length;
    }
    AppendBatch batch = new AppendBatch(rows);
    for (int i = from; i < to; i++) {
      Append a = c.appends.get(i);
      Event e = a.event();
      long id = c.ids[i];
      for (String subscriber : a.subscribers()) {
        batch.add(id++, e.id(), e.type().code(), e.source(), e.symbol(), subscriber, a.bytes());
      }
    }
    return batch;
  }

  private static JournalRefusedException refused(Append a, Throwable cause) {
    Event e = a.event();
    String state = DataErrors.sqlState(cause);
    return new JournalRefusedException("reliable tier: the journal refused " + e.type() + " " + e.id() + " from "
        + e.source() + (e.symbol() != null ? " (symbol " + e.symbol() + ")" : "") + ": " + DataErrors.message(cause)
        + " (SQLSTATE " + state + "); it was not published", state, cause);
  }

  private void renewEpoch() {
    epochPending = true;
    tier.store().nextEpoch().onComplete(ar -> {
      epochPending = false;
      if (ar.succeeded()) {
        epoch(ar.result());
      } else {
        tier.journalFailed(ar.cause());
      }
      pump();
    });
  }

  /** Completes finished commits in id order. */
  private void handOnCompleted() {
    while (!commits.isEmpty() && commits.peek().done) {
      Commit c = commits.poll();
      long now = System.nanoTime();
      if (c.outage != null) {
        tier.journalFailed(c.outage);
      }
      boolean committed = false;
      for (int i = 0; i < c.appends.size(); i++) {
        Append a = c.appends.get(i);
        Throwable failure = c.failures[i];
        if (failure == null) {
          committed = true;
          tier.counters().journalled.add(a.subscribers().length);
          tier.counters().journalWrite.record(now - a.publishNanos(), a.subscribers().length);
          long id = c.ids[i];
          for (String subscriber : a.subscribers()) {
            tier.dispatcher().enqueue(new Delivery(id++, subscriber, a.event(), a.publishNanos(), 0, false));
          }
          a.promise().complete();
        } else if (failure instanceof JournalRefusedException refused) {
          tier.counters().rowsRefused.increment();
          tier.reportRefused(refused);
          end(a);
          a.promise().fail(refused);
        } else {
          fail(a, failure);
        }
      }
      if (committed) {
        tier.counters().commits.increment();
      }
    }
  }

  private void failQueued() {
    Append a;
    while ((a = queue.poll()) != null) {
      fail(a, null);
    }
  }

  private void fail(Append a, Throwable cause) {
    end(a);
    a.promise().fail(tier.unavailable(a.event(), cause));
  }

  /** Takes back what the publish of {@code a} had counted: it was not journalled. */
  private void end(Append a) {
    tier.counters().pending.addAndGet(-a.subscribers().length);
    tier.inFlight().end(a.subscribers().length);
    tier.counters().rejected.increment();
  }
}
