package dev.tierbus.metrics;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The live counters of one tier, safe to update from any thread.
 *
 * <p>Counters are {@link LongAdder}s so that publishers and subscribers on different threads
 * do not contend; callers add per batch where they can, not per event.
 */
public final class TierMetrics {

  private final String tier;
  private final LongAdder published = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder matched = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LatencyRecorder latency = new LatencyRecorder();
  private volatile LongSupplier queueDepth = () -> 0;

  public TierMetrics(String tier) {
    this.tier = tier;
  }

  public void published(long n) {
    published.add(n);
  }

  /** Publishes whose Future failed: counted apart from {@link #published}, never in it. */
  public void refused(long n) {
    refused.add(n);
  }

  /** Published events that had at least one subscriber to go to. */
  public void matched(long n) {
    matched.add(n);
  }

  public void delivered(long n) {
    delivered.add(n);
  }

  public void dropped(long n) {
    dropped.add(n);
  }

  public void rejected(long n) {
    rejected.add(n);
  }

  public void error() {
    errors.increment();
  }

  public LatencyRecorder latency() {
    return latency;
  }

  /** Sets the gauge that reports the current queue depth. */
  public void queueDepthGauge(LongSupplier gauge) {
    this.queueDepth = gauge;
  }

  public TierMetricsSnapshot snapshot() {
    return new TierMetricsSnapshot(
        tier,
        published.sum(),
        refused.sum(),
        matched.sum(),
        delivered.sum(),
        dropped.sum(),
        rejected.sum(),
        errors.sum(),
        queueDepth.getAsLong(),
        latency.snapshot(),
        null);
  }
}
