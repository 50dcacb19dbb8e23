package dev.tierbus.router.impl;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventBatch;
import dev.tierbus.metrics.LogThrottle;
import dev.tierbus.metrics.TierMetrics;
import dev.tierbus.metrics.TierMetricsSnapshot;
import dev.tierbus.router.FastTierOptions;
import io.vertx.core.eventbus.EventBus;
import java.time.Duration;
import java.util.function.LongSupplier;
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

  private final TierMetrics metrics = new TierMetrics("fast");
  private final EventBus bus;
  private final int maxPending;
  private final InFlightCounter inFlight;
  private final LogThrottle slowWarnings = LogThrottle.perInterval(Duration.ofNanos(WARN_INTERVAL_NANOS));

  /** {@code pendingBatches}: the batches sent and not yet handled now, the tier's queue-depth gauge. */
  FastTier(EventBus bus, FastTierOptions options, InFlightCounter inFlight, LongSupplier pendingBatches) {
    this.bus = bus;
    this.inFlight = inFlight;
    this.maxPending = options.getMaxPendingBatches();
    metrics.queueDepthGauge(pendingBatches);
  }

  /** A new inbox for {@code route}, its consumer registered on the caller's context. */
  FastInbox open(RouteImpl route) {
    return new FastInbox(route, bus, metrics, inFlight);
  }

  /**
   * Sends a batch to every subscription of its source. Called on the publisher's thread.
   *
   * <p>A subscription is sent the batch itself, unless the batch holds events of a type it
   * wants that the source's publication scope keeps from it: then it is sent a batch of what
   * it may have (the only case that copies, and only for batches that hold such an event).
   */
  void deliver(EventBatch batch, SourceRoutes routes) {
    int n = batch.size();
    metrics.published(n);
    FastInbox[] targets = routes.fastTargets();
    if (targets.length > 0) {
      // per source, not per event: a subscriber's filter is applied where it receives the batch
      metrics.matched(n);
    }
    long[] denied = routes.fastDenied();
    for (int i = 0; i < targets.length; i++) {
      FastInbox inbox = targets[i];
      if (inbox.isClosed()) {
        continue;
      }
      if (inbox.pending() >= maxPending) {
        inbox.missed(n);
        metrics.dropped(n);
        warnSlow(inbox);
        continue;
      }
      EventBatch allowed = denied[i] == 0 ? batch : without(batch, denied[i]);
      if (allowed == null) {
        continue;
      }
      inbox.sent();
      inFlight.begin(1);
      bus.send(inbox.address(), allowed);
    }
  }

  /** {@code batch} without its events of the {@code denied} types; null when none is left. */
  private static EventBatch without(EventBatch batch, long denied) {
    int n = batch.size();
    int kept = 0;
    for (int i = 0; i < n; i++) {
      if ((denied & TypeMask.bit(batch.get(i).type())) == 0) {
        kept++;
      }
    }
    if (kept == n) {
      return batch;
    }
    if (kept == 0) {
      return null;
    }
    Event[] events = new Event[kept];
    int k = 0;
    for (int i = 0; i < n; i++) {
      Event e = batch.get(i);
      if ((denied & TypeMask.bit(e.type())) == 0) {
        events[k++] = e;
      }
    }
    return new EventBatch(batch.source(), events, kept, batch.createdNanos());
  }

  private void warnSlow(FastInbox inbox) {
    if (slowWarnings.shouldLog()) {
      log.warn("fast tier: {} is too slow ({} batches pending at {}), dropping batches; dropped so far: {}",
          inbox, maxPending, inbox.address(), inbox.dropped());
    }
  }

  TierMetricsSnapshot snapshot() {
    return metrics.snapshot();
  }
}
