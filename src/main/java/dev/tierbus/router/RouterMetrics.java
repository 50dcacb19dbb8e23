package dev.tierbus.router;

import dev.tierbus.metrics.TierMetricsSnapshot;
import io.vertx.core.json.JsonObject;

/** A snapshot of every tier's counters. */
public record RouterMetrics(TierMetricsSnapshot fast, TierMetricsSnapshot standard, TierMetricsSnapshot reliable) {

  /**
   * One line for a log: per tier, events published (and refused), of them matched (had a
   * subscriber), deliveries made (one per event per subscriber), what was dropped, rejected or
   * failed, what waits, and the p50/p99 latency.
   */
  public String summary() {
    return line(fast) + " | " + line(standard) + " | " + line(reliable);
  }

  private static String line(TierMetricsSnapshot t) {
    StringBuilder sb = new StringBuilder(t.tier()).append(": published ").append(t.published());
    if (t.refused() > 0) {
      sb.append(" (refused ").append(t.refused()).append(')');
    }
    sb.append(", matched ").append(t.matched()).append(", delivered ").append(t.delivered());
    if (t.dropped() > 0) {
      sb.append(", dropped ").append(t.dropped());
    }
    if (t.rejected() > 0) {
      sb.append(", rejected ").append(t.rejected());
    }
    if (t.errors() > 0) {
      sb.append(", errors ").append(t.errors());
    }
    if (t.queueDepth() > 0) {
      sb.append(", queued ").append(t.queueDepth());
    }
    if (t.delivered() > 0) {
      sb.append(", p50 ").append(micros(t.latency().p50Us())).append(" p99 ").append(micros(t.latency().p99Us()));
    }
    return sb.toString();
  }

  private static String micros(double us) {
    return us >= 10_000 ? Math.round(us / 1000) + " ms" : us >= 1000 ? String.format(java.util.Locale.ROOT, "%.1f ms",
        us / 1000) : Math.round(us) + " us";
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("fast", fast.toJson())
        .put("standard", standard.toJson())
        .put("reliable", reliable.toJson());
  }
}
