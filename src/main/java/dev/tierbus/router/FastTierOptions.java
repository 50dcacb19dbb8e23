package dev.tierbus.router;

import io.vertx.core.json.JsonObject;

/**
 * Settings of the fast tier ({@code event_router.tiers.fast}).
 *
 * <p>A source's events are collected into a batch that is flushed when it holds
 * {@link #getBatchSize()} events or its first event is {@link #getMaxBatchAgeMs()} old,
 * whichever comes first (age 0: at the end of the publisher's current event-loop task).
 * Each subscriber may have at most {@link #getMaxPendingBatches()} batches delivered but not
 * yet handled; further batches for it are dropped and counted, so a slow subscriber never
 * blocks the publisher or the other subscribers.
 */
public final class FastTierOptions {

  public static final int DEFAULT_BATCH_SIZE = 1000;
  public static final long DEFAULT_MAX_BATCH_AGE_MS = 1;
  public static final int DEFAULT_MAX_PENDING_BATCHES = 256;

  private int batchSize = DEFAULT_BATCH_SIZE;
  private long maxBatchAgeMs = DEFAULT_MAX_BATCH_AGE_MS;
  private int maxPendingBatches = DEFAULT_MAX_PENDING_BATCHES;

  public int getBatchSize() {
    return batchSize;
  }

  public FastTierOptions setBatchSize(int batchSize) {
    if (batchSize < 1 || batchSize > 1_000_000) {
      throw new IllegalArgumentException("batch_size must be in [1, 1000000], was " + batchSize);
    }
    this.batchSize = batchSize;
    return this;
  }

  public long getMaxBatchAgeMs() {
    return maxBatchAgeMs;
  }

  public FastTierOptions setMaxBatchAgeMs(long maxBatchAgeMs) {
    if (maxBatchAgeMs < 0 || maxBatchAgeMs > 60_000) {
      throw new IllegalArgumentException("max_batch_age_ms must be in [0, 60000], was " + maxBatchAgeMs);
    }
    this.maxBatchAgeMs = maxBatchAgeMs;
    return this;
  }

  public int getMaxPendingBatches() {
    return maxPendingBatches;
  }

  public FastTierOptions setMaxPendingBatches(int maxPendingBatches) {
    if (maxPendingBatches < 1) {
      throw new IllegalArgumentException("max_pending_batches must be >= 1, was " + maxPendingBatches);
    }
    this.maxPendingBatches = maxPendingBatches;
    return this;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("batch_size", batchSize)
        .put("max_batch_age_ms", maxBatchAgeMs)
        .put("max_pending_batches", maxPendingBatches);
  }

  /** Reads the keys of {@link #toJson()}; absent keys keep their defaults. */
  public static FastTierOptions fromJson(JsonObject json) {
    FastTierOptions o = new FastTierOptions();
    if (json.containsKey("batch_size")) o.setBatchSize(json.getInteger("batch_size"));
    if (json.containsKey("max_batch_age_ms")) o.setMaxBatchAgeMs(json.getLong("max_batch_age_ms"));
    if (json.containsKey("max_pending_batches")) o.setMaxPendingBatches(json.getInteger("max_pending_batches"));
    return o;
  }
}
