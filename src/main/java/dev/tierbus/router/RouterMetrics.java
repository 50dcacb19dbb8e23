package dev.tierbus.router;

import dev.tierbus.metrics.TierMetricsSnapshot;
import io.vertx.core.json.JsonObject;

/** A snapshot of every tier's counters. */
public record RouterMetrics(TierMetricsSnapshot fast, TierMetricsSnapshot standard, TierMetricsSnapshot reliable) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("fast", fast.toJson())
        .put("standard", standard.toJson())
        .put("reliable", reliable.toJson());
  }
}
