package dev.tierbus.metrics;

import io.vertx.core.json.JsonObject;

/**
 * Percentiles of a latency distribution, in microseconds.
 *
 * @param count number of recorded values
 */
public record LatencySnapshot(long count, double p50Us, double p95Us, double p99Us, double p999Us, double maxUs) {

  public static final LatencySnapshot EMPTY = new LatencySnapshot(0, 0, 0, 0, 0, 0);

  public JsonObject toJson() {
    return new JsonObject()
        .put("count", count)
        .put("p50_us", p50Us)
        .put("p95_us", p95Us)
        .put("p99_us", p99Us)
        .put("p999_us", p999Us)
        .put("max_us", maxUs);
  }
}
