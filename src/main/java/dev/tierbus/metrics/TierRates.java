package dev.tierbus.metrics;

import io.vertx.core.json.JsonObject;

/**
 * What one tier did over the last sampling interval.
 *
 * @param tier tier name
 * @param intervalMs length of the interval (0 before the second sample)
 * @param publishedPerSec publishes accepted per second
 * @param refusedPerSec publishes refused per second (journal unreachable, full queue, ...)
 * @param deliveredPerSec handler invocations per second
 * @param errors handler invocations that threw during the interval
 * @param refused publishes refused during the interval
 * @param errorRatePct failures per attempt in percent, where a failure is a handler that threw
 *     or a publish the tier refused, and an attempt is a delivery, a failed handler or a refused
 *     publish: 100 while the journal is down and every publish is refused; 0 when nothing was
 *     delivered, failed or refused
 */
public record TierRates(String tier, long intervalMs, double publishedPerSec, double refusedPerSec,
    double deliveredPerSec, long errors, long refused, double errorRatePct) {

  /** Rates of a tier that refused nothing. */
  public TierRates(String tier, long intervalMs, double publishedPerSec, double deliveredPerSec, long errors,
      double errorRatePct) {
    this(tier, intervalMs, publishedPerSec, 0, deliveredPerSec, errors, 0, errorRatePct);
  }

  /** Rates of no activity, before two samples exist. */
  public static TierRates none(String tier) {
    return new TierRates(tier, 0, 0, 0, 0, 0, 0, 0);
  }

  /** The rates between two snapshots of the same tier taken {@code intervalNanos} apart. */
  public static TierRates between(TierMetricsSnapshot before, TierMetricsSnapshot after, long intervalNanos) {
    if (intervalNanos <= 0) {
      return none(after.tier());
    }
    double seconds = intervalNanos / 1e9;
    long published = Math.max(0, after.published() - before.published());
    long refused = Math.max(0, after.refused() - before.refused());
    long delivered = Math.max(0, after.delivered() - before.delivered());
    long errors = Math.max(0, after.errors() - before.errors());
    double attempts = delivered + errors + refused;
    double errorRate = attempts == 0 ? 0 : 100.0 * (errors + refused) / attempts;
    return new TierRates(after.tier(), Math.round(intervalNanos / 1e6), published / seconds, refused / seconds,
        delivered / seconds, errors, refused, errorRate);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("interval_ms", intervalMs)
        .put("published_per_sec", round(publishedPerSec))
        .put("refused_per_sec", round(refusedPerSec))
        .put("delivered_per_sec", round(deliveredPerSec))
        .put("errors", errors)
        .put("refused", refused)
        .put("error_rate_pct", round(errorRatePct));
  }

  private static double round(double v) {
    return Math.round(v * 10.0) / 10.0;
  }
}
