package dev.tierbus.router.impl;

import dev.tierbus.event.Event;
import dev.tierbus.metrics.TierMetrics;
import dev.tierbus.router.BackPressureException;
import dev.tierbus.router.StandardTierOptions;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Standard tier: filter at publish time, enqueue into each matching subscription's bounded
 * {@link Mailbox}, drain mailboxes off the event loop.
 *
 * <p>Each subscription drains one turn at a time (per-subscriber FIFO), at most
 * {@code drain batch} events per turn before it goes to the back of the line; at most
 * {@code max_concurrent_deliveries} subscriptions drain at once, the others wait in
 * {@link #waiting}. Overflow rule: a full mailbox refuses the event, the refusal is counted and
 * the publish Future fails with {@link BackPressureException}.
 */
final class StandardTier {

  private static final int ROUNDS_PER_TURN = 8;

  final TierMetrics metrics = new TierMetrics("standard");
  private final TieredEventRouterImpl router;
  private final int maxConcurrent;
  private final int drainBatch;
  private final AtomicInteger active = new AtomicInteger();
  private final ConcurrentLinkedQueue<Endpoint> waiting = new ConcurrentLinkedQueue<>();

  StandardTier(TieredEventRouterImpl router, StandardTierOptions options) {
    this.router = router;
    this.maxConcurrent = options.getMaxConcurrentDeliveries();
    this.drainBatch = options.getDrainBatchSize();
  }

  /** Enqueues {@code event} for every matching subscription; thread-safe. */
  Future<Void> publish(Event event, Endpoint[] targets) {
    List<String> rejectedBy = null;
    long now = System.nanoTime();
    boolean matched = false;
    for (Endpoint ep : targets) {
      if (ep.closed || !ep.filter.matches(event)) {
        continue;
      }
      matched = true;
      if (ep.mailbox.offer(event, now)) {
        router.inFlight.begin(1);
        schedule(ep);
      } else {
        ep.rejected.increment();
        metrics.rejected(1);
        if (rejectedBy == null) {
          rejectedBy = new ArrayList<>(2);
        }
        rejectedBy.add(ep.subscription.subscriberId());
      }
    }
    if (rejectedBy == null) {
      metrics.published(1);
      if (matched) {
        metrics.matched(1);
      }
      return TieredEventRouterImpl.DONE;
    }
    // the publisher is told no, so the publish counts as refused even if other subscribers took it
    metrics.refused(1);
    return Future.failedFuture(new BackPressureException(
        event.type() + " " + (event.symbol() == null ? "" : event.symbol() + " ") + "from " + event.source(),
        rejectedBy));
  }

  void schedule(Endpoint ep) {
    if (!ep.scheduled.get() && ep.scheduled.compareAndSet(false, true)) {
      if (active.incrementAndGet() <= maxConcurrent) {
        ep.executor.execute(() -> drain(ep));
      } else {
        active.decrementAndGet();
        waiting.offer(ep);
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
      Endpoint next = waiting.poll();
      if (next == null) {
        active.decrementAndGet();
        return;
      }
      next.executor.execute(() -> drain(next));
    }
  }

  /**
   * One turn of one subscription: handle a drain batch; while events are left and no other
   * subscription waits for a slot, go on (up to {@value #ROUNDS_PER_TURN} batches) instead of
   * handing the work to another thread; then yield.
   */
  private void drain(Endpoint ep) {
    try {
      for (int round = 0; round < ROUNDS_PER_TURN; round++) {
        int n = ep.mailbox.drainTo(ep.drainEvents, ep.drainNanos, drainBatch);
        for (int i = 0; i < n; i++) {
          Event e = ep.drainEvents[i];
          ep.drainEvents[i] = null;
          ep.standardLatency.record(System.nanoTime() - ep.drainNanos[i]);
          ep.invoke(e, metrics);
        }
        if (n > 0) {
          ep.delivered.add(n);
          metrics.delivered(n);
          router.inFlight.end(n);
        }
        if (n < drainBatch || !waiting.isEmpty()) {
          break;
        }
      }
    } finally {
      active.decrementAndGet();
      ep.scheduled.set(false);
      if (ep.mailbox.size() > 0) {
        schedule(ep);
      }
      startWaiting();
    }
  }

  /** True when no subscription has queued events and no drain is running. */
  boolean idle(Iterable<Endpoint> endpoints) {
    if (active.get() > 0 || !waiting.isEmpty()) {
      return false;
    }
    for (Endpoint ep : endpoints) {
      if (ep.mailbox.size() > 0 || ep.scheduled.get()) {
        return false;
      }
    }
    return true;
  }

  long queueDepth(Iterable<Endpoint> endpoints) {
    long sum = 0;
    for (Endpoint ep : endpoints) {
      sum += ep.mailbox.size();
    }
    return sum;
  }
}
