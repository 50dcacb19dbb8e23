package dev.tierbus.metrics;

import io.vertx.core.json.JsonObject;

/**
 * What one tier did over the last sampling interval.
 *
 * @param tier tier name
 * @param intervalMs length of the interval (0 before the second sample)
 * @param publishedPerSec events accepted for routing per second
 * @param deliveredPerSec handler invocations per second
 * @param errors handler invocations that threw during the interval
 * @param errorRatePct {@code errors} per delivery in percent (100 when all of them failed; 0
 *     when nothing was delivered or failed)
 */
public record TierRates(String tier, long intervalMs, double publishedPerSec, double deliveredPerSec, long errors,
    double errorRatePct) {

  /** Rates of no activity, before two samples exist. */
  public static TierRates none(String tier) {
    return new TierRates(tier, 0, 0, 0, 0, 0);
  }

  /** The rates between two snapshots of the same tier taken {@code intervalNanos} apart. */
  public static TierRates between(TierMetricsSnapshot before, TierMetricsSnapshot after, long intervalNanos) {
    if (intervalNanos <= 0) {
      return none(after.tier());
    }
    double seconds = intervalNanos / 1e9;
    long published = Math.max(0, after.published() - before.published());
    long delivered = Math.max(0, after.delivered() - before.delivered());
    long errors = Math.max(0, after.errors() - before.errors());
    double attempts = delivered + errors;
    double errorRate = attempts == 0 ? 0 : 100.0 * errors / attempts;
    return new TierRates(after.tier(), Math.round(intervalNanos / 1e6), published / seconds, delivered / seconds,
        errors, errorRate);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("interval_ms", intervalMs)
        .put("published_per_sec", round(publishedPerSec))
        .put("delivered_per_sec", round(deliveredPerSec))
        .put("errors", errors)
        .put("error_rate_pct", round(errorRatePct));
  }

  private static double round(double v) {
    return Math.round(v * 10.0) / 10.0;
  }
}
