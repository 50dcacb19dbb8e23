package dev.tierbus.loadtest;

import dev.tierbus.metrics.LatencySnapshot;
import org.HdrHistogram.Histogram;

/** Percentiles in microseconds, from the router's snapshots or from the harness's histograms. */
record Latencies(long count, double p50Us, double p99Us, double p999Us, double maxUs) {

  static Latencies of(LatencySnapshot s) {
    return new Latencies(s.count(), s.p50Us(), s.p99Us(), s.p999Us(), s.maxUs());
  }

  /** From a histogram of nanoseconds, keeping nanosecond resolution. */
  static Latencies ofNanos(Histogram h) {
    return new Latencies(h.getTotalCount(),
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0,
        h.getValueAtPercentile(99.9) / 1000.0,
        h.getMaxValue() / 1000.0);
  }
}
