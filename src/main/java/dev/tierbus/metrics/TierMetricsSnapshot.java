package dev.tierbus.metrics;

import io.vertx.core.json.JsonObject;

/**
 * Counters of one tier at one moment.
 *
 * @param tier tier name
 * @param published events accepted for routing
 * @param delivered handler invocations (one per event per subscriber)
 * @param dropped events a slow fast-tier subscriber did not get (counted per subscriber)
 * @param rejected standard-tier enqueues refused because a subscription queue was full
 * @param errors handler invocations that threw
 * @param queueDepth events (standard) or batches (fast) waiting for their subscribers now
 * @param latency publish-to-handler latency
 */
public record TierMetricsSnapshot(
    String tier,
    long published,
    long delivered,
    long dropped,
    long rejected,
    long errors,
    long queueDepth,
    LatencySnapshot latency) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("tier", tier)
        .put("published", published)
        .put("delivered", delivered)
        .put("dropped", dropped)
        .put("rejected", rejected)
        .put("errors", errors)
        .put("queue_depth", queueDepth)
        .put("latency", latency.toJson());
  }
}
