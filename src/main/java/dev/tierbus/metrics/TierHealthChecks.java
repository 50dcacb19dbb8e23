package dev.tierbus.metrics;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The router's health checks against the {@link HealthSettings} thresholds.
 *
 * <ul>
 *   <li>{@code router.queues}: DOWN when a tier holds more than {@code max_queue_depth}
 *       waiting events (standard) or batches (fast).</li>
 *   <li>{@code router.error_rate}: DOWN when more than {@code max_error_rate_pct} of a tier's
 *       attempts of the last interval failed: handlers that threw and publishes the tier refused
 *       (a journal that is down refuses every reliable-tier publish).</li>
 *   <li>{@code router.latency}: WARN (never DOWN) when a tier's p99 latency is above
 *       {@code max_latency_ms}. The tiers' histograms count from the start of the node, so a
 *       past episode would otherwise keep the node unready for good.</li>
 * </ul>
 */
public final class TierHealthChecks {

  private TierHealthChecks() {}

  public static List<CheckResult> check(List<TierMetricsSnapshot> tiers, List<TierRates> rates, HealthSettings s) {
    List<CheckResult> out = new ArrayList<>(3);
    out.add(queues(tiers, s));
    out.add(errorRate(rates, s));
    out.add(latency(tiers, s));
    return out;
  }

  static CheckResult queues(List<TierMetricsSnapshot> tiers, HealthSettings s) {
    JsonObject data = new JsonObject().put("max_queue_depth", s.maxQueueDepth());
    List<String> over = new ArrayList<>();
    for (TierMetricsSnapshot t : tiers) {
      data.put(t.tier(), t.queueDepth());
      if (t.queueDepth() > s.maxQueueDepth()) {
        over.add(t.tier() + " holds " + t.queueDepth());
      }
    }
    return over.isEmpty()
        ? CheckResult.up("router.queues", "every tier's queue depth is at most " + s.maxQueueDepth(), data)
        : CheckResult.down("router.queues", String.join(", ", over) + " (max_queue_depth " + s.maxQueueDepth() + ")", data);
  }

  static CheckResult errorRate(List<TierRates> rates, HealthSettings s) {
    JsonObject data = new JsonObject().put("max_error_rate_pct", s.maxErrorRatePct());
    List<String> over = new ArrayList<>();
    for (TierRates r : rates) {
      data.put(r.tier(), r.errorRatePct());
      if (r.errorRatePct() > s.maxErrorRatePct()) {
        over.add(String.format(java.util.Locale.ROOT, "%s %.1f %% failed (%d handler errors, %d refused publishes)",
            r.tier(), r.errorRatePct(), r.errors(), r.refused()));
      }
    }
    return over.isEmpty()
        ? CheckResult.up("router.error_rate", "handler errors and refused publishes of the last interval are at most "
            + s.maxErrorRatePct() + " %", data)
        : CheckResult.down("router.error_rate", String.join(", ", over) + " in the last interval (max_error_rate_pct "
            + s.maxErrorRatePct() + ")", data);
  }

  static CheckResult latency(List<TierMetricsSnapshot> tiers, HealthSettings s) {
    JsonObject data = new JsonObject().put("max_latency_ms", s.maxLatencyMs());
    List<String> over = new ArrayList<>();
    for (TierMetricsSnapshot t : tiers) {
      double p99Ms = t.latency().p99Us() / 1000.0;
      data.put(t.tier(), p99Ms);
      if (p99Ms > s.maxLatencyMs()) {
        over.add(t.tier() + " p99 " + p99Ms + " ms");
      }
    }
    return over.isEmpty()
        ? CheckResult.up("router.latency", "every tier's p99 latency (since start) is at most " + s.maxLatencyMs() + " ms", data)
        : CheckResult.warn("router.latency", String.join(", ", over) + " since start (max_latency_ms "
            + s.maxLatencyMs() + ")", data);
  }
}
