package dev.tierbus.loadtest;

import io.vertx.core.json.JsonObject;

/**
 * The measured phase of a case: the clock and an {@link AllocationMeter}, started together just
 * before the load and stopped together at its end, and the figures every case reports from them.
 *
 * <p>A case makes one with {@link #start()} after its warm-up phase, calls {@link #stopAt} with
 * the moment of the last delivery (or {@link #stop()}), and builds its {@link CaseResult} with
 * {@link #report} and {@link #result}.
 */
final class Measurement {

  private final AllocationMeter alloc = AllocationMeter.start();
  private final long startNanos = System.nanoTime();
  private double seconds;
  private long allocatedBytes;
  private long gcCount;
  private long gcMillis;

  private Measurement() {}

  /** Starts the allocation meter, then the clock. */
  static Measurement start() {
    return new Measurement();
  }

  /** Ends the phase now. */
  Measurement stop() {
    return stopAt(System.nanoTime());
  }

  /**
   * Ends the phase at {@code endNanos} ({@link System#nanoTime()}, as {@link Await#until}
   * returns it); reads the bytes allocated and the GC activity since {@link #start()} now.
   */
  Measurement stopAt(long endNanos) {
    seconds = (endNanos - startNanos) / 1e9;
    allocatedBytes = alloc.allocatedBytes();
    gcCount = alloc.gcCountSince();
    gcMillis = alloc.gcMillisSince();
    return this;
  }

  /** Length of the phase in seconds. */
  double seconds() {
    return seconds;
  }

  long allocatedBytes() {
    return allocatedBytes;
  }

  long gcCount() {
    return gcCount;
  }

  long gcMillis() {
    return gcMillis;
  }

  /**
   * Appends to {@code extra} the figures every case writes: {@code latency_max_us},
   * {@code latency_source}, {@code duration_s}, {@code gc_count}, {@code gc_ms} and
   * {@code alloc_basis}; returns {@code extra}.
   */
  JsonObject report(JsonObject extra, Latencies lat, String latencySource, String allocBasis) {
    return extra
        .put("latency_max_us", lat.maxUs())
        .put("latency_source", latencySource)
        .put("duration_s", CaseResult.round3(seconds))
        .put("gc_count", gcCount)
        .put("gc_ms", gcMillis)
        .put("alloc_basis", allocBasis);
  }

  /**
   * The case's figures: {@code count} per second of the phase, the latency percentiles, and the
   * bytes allocated per {@code allocPer} (what the case's {@code alloc_basis} says).
   */
  CaseResult result(String name, double count, Latencies lat, double allocPer, JsonObject extra) {
    return new CaseResult(name, count / seconds, lat.p50Us(), lat.p99Us(), lat.p999Us(),
        allocatedBytes / allocPer, extra);
  }
}
