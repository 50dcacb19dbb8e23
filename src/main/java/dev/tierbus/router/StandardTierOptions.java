package dev.tierbus.router;

import io.vertx.core.json.JsonObject;

/**
 * Settings of the standard tier ({@code event_router.tiers.standard}).
 *
 * <p>Every subscription has a bounded queue of {@link #getQueueSize()} events; a publish that
 * finds it full fails with {@link BackPressureException} for that subscriber. At most
 * {@link #getMaxConcurrentDeliveries()} subscriptions run handlers at the same time, each
 * handling up to {@link #getDrainBatchSize()} queued events per turn before yielding.
 */
public final class StandardTierOptions {

  public static final int DEFAULT_QUEUE_SIZE = 10_000;
  public static final int DEFAULT_MAX_CONCURRENT_DELIVERIES = 50;
  public static final int DEFAULT_DRAIN_BATCH_SIZE = 100;

  private int queueSize = DEFAULT_QUEUE_SIZE;
  private int maxConcurrentDeliveries = DEFAULT_MAX_CONCURRENT_DELIVERIES;
  private int drainBatchSize = DEFAULT_DRAIN_BATCH_SIZE;

  public int getQueueSize() {
    return queueSize;
  }

  public StandardTierOptions setQueueSize(int queueSize) {
    if (queueSize < 1 || queueSize > 10_000_000) {
      throw new IllegalArgumentException("queue_size must be in [1, 10000000], was " + queueSize);
    }
    this.queueSize = queueSize;
    return this;
  }

  public int getMaxConcurrentDeliveries() {
    return maxConcurrentDeliveries;
  }

  public StandardTierOptions setMaxConcurrentDeliveries(int maxConcurrentDeliveries) {
    if (maxConcurrentDeliveries < 1 || maxConcurrentDeliveries > 1024) {
      throw new IllegalArgumentException(
          "max_concurrent_deliveries must be in [1, 1024], was " + maxConcurrentDeliveries);
    }
    this.maxConcurrentDeliveries = maxConcurrentDeliveries;
    return this;
  }

  public int getDrainBatchSize() {
    return drainBatchSize;
  }

  public StandardTierOptions setDrainBatchSize(int drainBatchSize) {
    if (drainBatchSize < 1 || drainBatchSize > 100_000) {
      throw new IllegalArgumentException("batch_size must be in [1, 100000], was " + drainBatchSize);
    }
    this.drainBatchSize = drainBatchSize;
    return this;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("queue_size", queueSize)
        .put("max_concurrent_deliveries", maxConcurrentDeliveries)
        .put("batch_size", drainBatchSize);
  }

  /** Reads the keys of {@link #toJson()}; absent keys keep their defaults. */
  public static StandardTierOptions fromJson(JsonObject json) {
    StandardTierOptions o = new StandardTierOptions();
    if (json.containsKey("queue_size")) o.setQueueSize(json.getInteger("queue_size"));
    if (json.containsKey("max_concurrent_deliveries")) o.setMaxConcurrentDeliveries(json.getInteger("max_concurrent_deliveries"));
    if (json.containsKey("batch_size")) o.setDrainBatchSize(json.getInteger("batch_size"));
    return o;
  }
}
