package dev.tierbus.router;

import dev.tierbus.metrics.TierMetricsSnapshot;
import io.vertx.core.json.JsonObject;

/** A snapshot of every tier's counters. */
public record RouterMetrics(TierMetricsSnapshot fast, TierMetricsSnapshot standard, TierMetricsSnapshot reliable) {

  /** One line for a log: per tier the counters and the p50/p99 latency. */
  public String summary() {
    return line(fast) + " | " + line(standard) + " | " + line(reliable);
  }

  private static String line(TierMetricsSnapshot t) {
    return t.tier() + " published " + t.published() + " refused " + t.refused() + " delivered " + t.delivered()
        + " dropped " + t.dropped() + " rejected " + t.rejected() + " errors " + t.errors()
        + " queued " + t.queueDepth() + " p50 " + t.latency().p50Us() + " us p99 " + t.latency().p99Us() + " us";
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("fast", fast.toJson())
        .put("standard", standard.toJson())
        .put("reliable", reliable.toJson());
  }
}
