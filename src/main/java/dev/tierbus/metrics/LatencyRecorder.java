package dev.tierbus.metrics;

import java.util.concurrent.CopyOnWriteArrayList;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records latencies in nanoseconds into an HdrHistogram.
 *
 * <p>Recording is wait-free ({@link Recorder}) and safe from any thread, but threads that
 * record into one recorder at the same time share its cache lines. A hot path with several
 * writers gives each of them its own {@link #part()}: parts are folded into this recorder's
 * totals on every {@link #snapshot()}.
 */
public final class LatencyRecorder {

  private static final long HIGHEST_TRACKABLE_NANOS = 3_600_000_000_000L;

  private final Recorder recorder = new Recorder(HIGHEST_TRACKABLE_NANOS, 3);
  private final CopyOnWriteArrayList<LatencyRecorder> parts = new CopyOnWriteArrayList<>();
  private Histogram total;
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

  /** A recorder of its own for one writer, counted in this recorder's snapshots. */
  public LatencyRecorder part() {
    LatencyRecorder part = new LatencyRecorder();
    parts.add(part);
    return part;
  }

  /** Stops following a part; what it recorded so far stays in the totals. */
  public synchronized void release(LatencyRecorder part) {
    if (parts.remove(part)) {
      foldFrom(part);
    }
  }

  /** Percentiles of everything recorded so far (parts included). */
  public synchronized LatencySnapshot snapshot() {
    foldFrom(this);
    for (LatencyRecorder part : parts) {
      foldFrom(part);
    }
    return toSnapshot(total());
  }

  /** Forgets everything recorded so far. */
  public synchronized void reset() {
    snapshot();
    total().reset();
  }

  /** Moves what {@code source} recorded since the last fold into this recorder's total. */
  private void foldFrom(LatencyRecorder source) {
    synchronized (source.recorder) {
      source.interval = source.recorder.getIntervalHistogram(source.interval);
      total().add(source.interval);
    }
  }

  private Histogram total() {
    if (total == null) {
      total = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    }
    return total;
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
