package dev.tierbus.router.impl;

import dev.tierbus.event.Event;
import dev.tierbus.metrics.TierMetrics;
import dev.tierbus.metrics.TierMetricsSnapshot;
import dev.tierbus.router.BackPressureException;
import dev.tierbus.router.Overflow;
import dev.tierbus.router.StandardTierOptions;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Standard tier: filter at publish time, enqueue into each matching subscription's bounded
 * {@link StandardInbox}, drain inboxes off the event loop.
 *
 * <p>Each subscription drains one turn at a time (per-subscriber FIFO), at most
 * {@code drain batch} events per turn before it goes to the back of the line; at most
 * {@code max_concurrent_deliveries} subscriptions drain at once, the others wait in
 * {@link #waiting}. Overflow rule, per subscription: a full inbox refuses the event, the refusal
 * is counted and the publish Future fails with {@link BackPressureException}; or, for a
 * subscription that chose {@link Overflow#DROP}, the event is dropped for it and counted.
 */
final class StandardTier {

  private static final int ROUNDS_PER_TURN = 8;
  private static final Future<Void> DONE = Future.succeededFuture();

  private final TierMetrics metrics = new TierMetrics("standard");
  private final InFlightCounter inFlight;
  private final int queueSize;
  private final int maxConcurrent;
  private final int drainBatch;
  private final AtomicInteger active = new AtomicInteger();
  private final ConcurrentLinkedQueue<StandardInbox> waiting = new ConcurrentLinkedQueue<>();

  /** {@code queued}: the events queued in every inbox now, the tier's queue-depth gauge. */
  StandardTier(StandardTierOptions options, InFlightCounter inFlight, LongSupplier queued) {
    this.inFlight = inFlight;
    this.queueSize = options.getQueueSize();
    this.maxConcurrent = options.getMaxConcurrentDeliveries();
    this.drainBatch = options.getDrainBatchSize();
    metrics.queueDepthGauge(queued);
  }

  /** A new, empty inbox for {@code route}, drained on {@code executor} (the route's). */
  StandardInbox open(RouteImpl route, Executor executor, Overflow overflow) {
    return new StandardInbox(route, executor, queueSize, drainBatch, metrics.latency(), overflow);
  }

  /** Enqueues {@code event} for every matching subscription; thread-safe. */
  Future<Void> publish(Event event, StandardInbox[] targets) {
    List<String> rejectedBy = null;
    long now = System.nanoTime();
    boolean matched = false;
    for (StandardInbox inbox : targets) {
      if (!inbox.accepts(event)) {
        continue;
      }
      matched = true;
      if (inbox.offer(event, now)) {
        inFlight.begin(1);
        schedule(inbox);
      } else if (inbox.overflow() == Overflow.DROP) {
        metrics.dropped(1);
      } else {
        metrics.rejected(1);
        if (rejectedBy == null) {
          rejectedBy = new ArrayList<>(2);
        }
        rejectedBy.add(inbox.subscriberId());
      }
    }
    if (rejectedBy == null) {
      metrics.published(1);
      if (matched) {
        metrics.matched(1);
      }
      return DONE;
    }
    // the publisher is told no, so the publish counts as refused even if other subscribers took it
    metrics.refused(1);
    return Future.failedFuture(new BackPressureException(
        event.type() + " " + (event.symbol() == null ? "" : event.symbol() + " ") + "from " + event.source(),
        rejectedBy));
  }

  private void schedule(StandardInbox inbox) {
    if (inbox.claim()) {
      if (active.incrementAndGet() <= maxConcurrent) {
        inbox.execute(() -> drain(inbox));
      } else {
        active.decrementAndGet();
        waiting.offer(inbox);
        startWaiting();
      }
    }
  }

  /** Starts waiting drains while there is room; rechecked after every offer and every finish. */
  private void startWaiting() {
    while (!waiting.isEmpty()) {
      if (active.incrementAndGet() > maxConcurrent) {
        active.decrementAndGet();
        return;
      }
      StandardInbox next = waiting.poll();
      if (next == null) {
        active.decrementAndGet();
        return;
      }
      next.execute(() -> drain(next));
    }
  }

  /**
   * One turn of one subscription: handle a drain batch; while events are left and no other
   * subscription waits for a slot, go on (up to {@value #ROUNDS_PER_TURN} batches) instead of
   * handing the work to another thread; then yield.
   */
  private void drain(StandardInbox inbox) {
    try {
      for (int round = 0; round < ROUNDS_PER_TURN; round++) {
        int n = inbox.drain(metrics);
        if (n > 0) {
          metrics.delivered(n);
          inFlight.end(n);
        }
        if (n < drainBatch || !waiting.isEmpty()) {
          break;
        }
      }
    } finally {
      active.decrementAndGet();
      inbox.release();
      if (inbox.size() > 0) {
        schedule(inbox);
      }
      startWaiting();
    }
  }

  /** True when no drain runs or waits for a slot (the inboxes themselves are their own to ask). */
  boolean idle() {
    return active.get() <= 0 && waiting.isEmpty();
  }

  TierMetricsSnapshot snapshot() {
    return metrics.snapshot();
  }
}
