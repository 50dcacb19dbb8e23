package dev.tierbus.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records latencies in nanoseconds from any number of threads into an HdrHistogram.
 *
 * <p>Recording is wait-free ({@link Recorder}); {@link #snapshot()} folds what was recorded
 * since the last snapshot into a cumulative histogram and reads its percentiles.
 */
public final class LatencyRecorder {

  private static final long HIGHEST_TRACKABLE_NANOS = 3_600_000_000_000L;

  private final Recorder recorder = new Recorder(HIGHEST_TRACKABLE_NANOS, 3);
  private final Histogram total = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
  private Histogram interval;

  /** Records one latency value. */
  public void record(long nanos) {
    recorder.recordValue(clamp(nanos));
  }

  /** Records {@code count} events that all saw the same latency. */
  public void record(long nanos, long count) {
    if (count > 0) {
      recorder.recordValueWithCount(clamp(nanos), count);
    }
  }

  private static long clamp(long nanos) {
    return nanos < 0 ? 0 : Math.min(nanos, HIGHEST_TRACKABLE_NANOS);
  }

  /** Percentiles of everything recorded so far. */
  public synchronized LatencySnapshot snapshot() {
    interval = recorder.getIntervalHistogram(interval);
    total.add(interval);
    return toSnapshot(total);
  }

  /** Forgets everything recorded so far. */
  public synchronized void reset() {
    interval = recorder.getIntervalHistogram(interval);
    total.reset();
  }

  static LatencySnapshot toSnapshot(Histogram h) {
    long n = h.getTotalCount();
    if (n == 0) {
      return LatencySnapshot.EMPTY;
    }
    return new LatencySnapshot(
        n,
        us(h.getValueAtPercentile(50)),
        us(h.getValueAtPercentile(95)),
        us(h.getValueAtPercentile(99)),
        us(h.getValueAtPercentile(99.9)),
        us(h.getMaxValue()));
  }

  private static double us(long nanos) {
    return Math.round(nanos / 100.0) / 10.0;
  }
}
