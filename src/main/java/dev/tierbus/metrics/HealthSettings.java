package dev.tierbus.metrics;

import io.vertx.core.json.JsonObject;

/**
 * The design document's {@code event_router.global_settings.health_checks}: how often the
 * node's figures are sampled and the thresholds beyond which it is not healthy.
 *
 * @param enabled false: {@code /health} reports only liveness
 * @param checkIntervalMs sampling interval of rates and error rates
 * @param maxQueueDepth events (standard) or batches (fast) waiting in a tier above which the
 *     node is not ready
 * @param maxLatencyMs p99 publish-to-handler latency above which a warning is reported
 * @param maxErrorRatePct handler errors per delivery over the last interval, in percent, above
 *     which the node is not ready
 */
public record HealthSettings(boolean enabled, long checkIntervalMs, long maxQueueDepth, double maxLatencyMs,
    double maxErrorRatePct) {

  public static final long DEFAULT_CHECK_INTERVAL_MS = 1000;
  public static final long DEFAULT_MAX_QUEUE_DEPTH = 1000;
  public static final double DEFAULT_MAX_LATENCY_MS = 100;
  public static final double DEFAULT_MAX_ERROR_RATE_PCT = 5.0;

  public static final HealthSettings DEFAULTS = new HealthSettings(true, DEFAULT_CHECK_INTERVAL_MS,
      DEFAULT_MAX_QUEUE_DEPTH, DEFAULT_MAX_LATENCY_MS, DEFAULT_MAX_ERROR_RATE_PCT);

  public HealthSettings {
    if (checkIntervalMs < 1) {
      throw new IllegalArgumentException("checkIntervalMs must be >= 1, was " + checkIntervalMs);
    }
    if (maxQueueDepth < 0 || maxLatencyMs < 0 || maxErrorRatePct < 0) {
      throw new IllegalArgumentException("thresholds must be >= 0, were " + maxQueueDepth + ", " + maxLatencyMs
          + ", " + maxErrorRatePct);
    }
  }

  /** From a (validated) {@code event_router} section; defaults for what it does not say. */
  public static HealthSettings fromEventRouter(JsonObject eventRouter) {
    JsonObject checks = eventRouter == null ? new JsonObject()
        : eventRouter.getJsonObject("global_settings", new JsonObject()).getJsonObject("health_checks", new JsonObject());
    JsonObject limits = checks.getJsonObject("alert_thresholds", new JsonObject());
    return new HealthSettings(
        checks.getBoolean("enabled", true),
        checks.getLong("check_interval_ms", DEFAULT_CHECK_INTERVAL_MS),
        limits.getLong("max_queue_depth", DEFAULT_MAX_QUEUE_DEPTH),
        limits.getNumber("max_latency_ms", DEFAULT_MAX_LATENCY_MS).doubleValue(),
        limits.getNumber("max_error_rate_pct", DEFAULT_MAX_ERROR_RATE_PCT).doubleValue());
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("enabled", enabled)
        .put("check_interval_ms", checkIntervalMs)
        .put("max_queue_depth", maxQueueDepth)
        .put("max_latency_ms", maxLatencyMs)
        .put("max_error_rate_pct", maxErrorRatePct);
  }
}
