package dev.tierbus.router.impl;

import dev.tierbus.event.EventBatch;
import dev.tierbus.metrics.TierMetrics;
import dev.tierbus.router.FastTierOptions;
import io.vertx.core.eventbus.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers fast-tier batches: one event-bus message per (batch, subscription), the batch object
 * itself in-JVM, a binary batch across nodes.
 *
 * <p>Overflow rule: a subscription with {@code max_pending_batches} batches sent but not yet
 * handled misses the next batch; the events are counted as dropped for it and a warning
 * naming it is logged at most once per {@value #WARN_INTERVAL_NANOS} ns. The publisher never
 * waits.
 */
final class FastTier {

  private static final Logger log = LoggerFactory.getLogger(FastTier.class);
  private static final long WARN_INTERVAL_NANOS = 5_000_000_000L;

  final TierMetrics metrics = new TierMetrics("fast");
  private final EventBus bus;
  private final int maxPending;
  private final InFlightCounter inFlight;
  private volatile long lastWarnNanos = System.nanoTime() - WARN_INTERVAL_NANOS;

  FastTier(EventBus bus, FastTierOptions options, InFlightCounter inFlight) {
    this.bus = bus;
    this.inFlight = inFlight;
    this.maxPending = options.getMaxPendingBatches();
  }

  /** Sends a batch to every subscription of its source. Called on the publisher's thread. */
  void deliver(EventBatch batch, SourceRoutes routes) {
    int n = batch.size();
    metrics.published(n);
    Endpoint[] targets = routes.fastTargets;
    if (targets.length > 0) {
      // per source, not per event: a subscriber's filter is applied where it receives the batch
      metrics.matched(n);
    }
    for (Endpoint ep : targets) {
      if (ep.closed) {
        continue;
      }
      if (ep.pendingBatches.get() >= maxPending) {
        ep.dropped.add(n);
        metrics.dropped(n);
        warnSlow(ep);
        continue;
      }
      ep.pendingBatches.incrementAndGet();
      inFlight.begin(1);
      bus.send(ep.fastAddress, batch);
    }
  }

  private void warnSlow(Endpoint ep) {
    long now = System.nanoTime();
    if (now - lastWarnNanos >= WARN_INTERVAL_NANOS) {
      lastWarnNanos = now;
      log.warn("fast tier: {} is too slow ({} batches pending at {}), dropping batches; dropped so far: {}",
          ep, maxPending, ep.fastAddress, ep.dropped.sum());
    }
  }

  long pendingBatches(Iterable<Endpoint> endpoints) {
    long sum = 0;
    for (Endpoint ep : endpoints) {
      sum += ep.pendingBatches.get();
    }
    return sum;
  }
}
