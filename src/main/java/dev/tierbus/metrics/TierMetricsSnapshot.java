package dev.tierbus.metrics;

import io.vertx.core.json.JsonObject;

/**
 * Counters of one tier at one moment.
 *
 * @param tier tier name
 * @param published publishes the tier accepted (their Future succeeded, or will)
 * @param refused publishes the tier refused: their Future failed and the publisher was told
 *     so — the journal unreachable, a full queue (a standard-tier event refused by one full
 *     queue counts here even when other subscribers took it), no reliable tier installed.
 *     Never counted in {@code published}.
 * @param matched published events that had at least one subscriber to go to (the rest had
 *     nobody: no subscription, or no filter accepted them)
 * @param delivered handler invocations (one per event per subscriber)
 * @param dropped events a slow fast-tier subscriber did not get (counted per subscriber)
 * @param rejected standard tier: enqueues refused by a full subscription queue (one per
 *     subscriber); reliable tier: publishes it refused (as {@code refused})
 * @param errors handler invocations that threw
 * @param queueDepth events (standard) or batches (fast) waiting for their subscribers now
 * @param latency publish-to-handler latency
 * @param details further figures of this tier (the reliable tier: pending, in flight, retries,
 *     dead letters, journal write and delivery latency); empty when it has none
 */
public record TierMetricsSnapshot(
    String tier,
    long published,
    long refused,
    long matched,
    long delivered,
    long dropped,
    long rejected,
    long errors,
    long queueDepth,
    LatencySnapshot latency,
    JsonObject details) {

  public TierMetricsSnapshot {
    details = details == null ? new JsonObject() : details.copy();
  }

  /** A snapshot of a tier whose every published event had a subscriber. */
  public TierMetricsSnapshot(String tier, long published, long refused, long delivered, long dropped, long rejected,
      long errors, long queueDepth, LatencySnapshot latency, JsonObject details) {
    this(tier, published, refused, published, delivered, dropped, rejected, errors, queueDepth, latency, details);
  }

  /** A snapshot of a tier that refused nothing, with details. */
  public TierMetricsSnapshot(String tier, long published, long delivered, long dropped, long rejected, long errors,
      long queueDepth, LatencySnapshot latency, JsonObject details) {
    this(tier, published, 0, delivered, dropped, rejected, errors, queueDepth, latency, details);
  }

  /** A snapshot of a tier that refused nothing, without details. */
  public TierMetricsSnapshot(String tier, long published, long delivered, long dropped, long rejected, long errors,
      long queueDepth, LatencySnapshot latency) {
    this(tier, published, 0, delivered, dropped, rejected, errors, queueDepth, latency, null);
  }

  /** The further figures (a copy). */
  @Override
  public JsonObject details() {
    return details.copy();
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("tier", tier)
        .put("published", published)
        .put("refused", refused)
        .put("matched", matched)
        .put("delivered", delivered)
        .put("dropped", dropped)
        .put("rejected", rejected)
        .put("errors", errors)
        .put("queue_depth", queueDepth)
        .put("latency", latency.toJson())
        .put("details", details.copy());
  }
}
