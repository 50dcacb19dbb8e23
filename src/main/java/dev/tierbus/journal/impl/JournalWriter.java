package dev.tierbus.journal.impl;

import dev.tierbus.event.Event;
import io.vertx.core.AsyncResult;
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
 * and throughput with it, while the latency at low load stays one commit. Completions are
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
    AsyncResult<Void> result;
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
      AppendBatch batch = new AppendBatch(c.rows);
      long id = c.firstId;
      for (Append a : c.appends) {
        Event e = a.event();
        for (String subscriber : a.subscribers()) {
          batch.add(id++, e.id(), e.type().code(), e.source(), e.symbol(), subscriber, a.bytes());
        }
      }
      running++;
      commits.add(c);
      tier.store().append(batch).onComplete(ar -> {
        running--;
        c.result = ar;
        handOnCompleted();
        pump();
      });
    }
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
    while (!commits.isEmpty() && commits.peek().result != null) {
      Commit c = commits.poll();
      long now = System.nanoTime();
      if (c.result.succeeded()) {
        tier.counters().commits.increment();
        tier.counters().journalled.add(c.rows);
        long id = c.firstId;
        for (Append a : c.appends) {
          tier.counters().journalWrite.record(now - a.publishNanos(), a.subscribers().length);
          for (String subscriber : a.subscribers()) {
            tier.dispatcher().enqueue(new Delivery(id++, subscriber, a.event(), a.publishNanos(), 0, false));
          }
          a.promise().complete();
        }
      } else {
        tier.journalFailed(c.result.cause());
        for (Append a : c.appends) {
          fail(a, c.result.cause());
        }
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
    tier.counters().pending.addAndGet(-a.subscribers().length);
    tier.inFlight().end(a.subscribers().length);
    tier.counters().rejected.increment();
    a.promise().fail(tier.unavailable(a.event(), cause));
  }
}
