package dev.tierbus.router;

import io.vertx.core.json.JsonObject;

/**
 * Settings of the reliable tier ({@code event_router.tiers.reliable}).
 *
 * <p>Retries: the n-th retry of a delivery waits {@code min(base_delay_ms *
 * backoff_multiplier^(n-1), max_delay_ms)}; after {@link #getRetryAttempts()} failed attempts
 * the delivery becomes a dead letter. A subscriber that does not reply within
 * {@link #getDeliveryTimeoutMs()} has failed that attempt.
 *
 * <p>Throughput and bounds: a journal transaction carries at most
 * {@link #getCommitBatchRows()} delivery rows, at most {@link #getMaxConcurrentCommits()} are
 * in flight (group commit: what arrives while a commit runs goes into the next one); at most
 * {@link #getDeliveryBatchSize()} deliveries of one (subscriber, symbol) travel in one
 * request; at most {@link #getMaxInFlight()} deliveries may be unconfirmed on a node, beyond
 * which a publish fails with a {@link BackPressureException} and journals nothing.
 */
public final class ReliableTierOptions {

  public static final int DEFAULT_RETRY_ATTEMPTS = 3;
  public static final long DEFAULT_BASE_DELAY_MS = 1000;
  public static final long DEFAULT_MAX_DELAY_MS = 30_000;
  public static final double DEFAULT_BACKOFF_MULTIPLIER = 2.0;
  public static final long DEFAULT_DELIVERY_TIMEOUT_MS = 10_000;
  public static final int DEFAULT_DELIVERY_BATCH_SIZE = 256;
  public static final int DEFAULT_MAX_IN_FLIGHT = 100_000;
  public static final int DEFAULT_COMMIT_BATCH_ROWS = 4096;
  public static final int DEFAULT_MAX_CONCURRENT_COMMITS = 2;

  private int retryAttempts = DEFAULT_RETRY_ATTEMPTS;
  private long baseDelayMs = DEFAULT_BASE_DELAY_MS;
  private long maxDelayMs = DEFAULT_MAX_DELAY_MS;
  private double backoffMultiplier = DEFAULT_BACKOFF_MULTIPLIER;
  private long deliveryTimeoutMs = DEFAULT_DELIVERY_TIMEOUT_MS;
  private int deliveryBatchSize = DEFAULT_DELIVERY_BATCH_SIZE;
  private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
  private int commitBatchRows = DEFAULT_COMMIT_BATCH_ROWS;
  private int maxConcurrentCommits = DEFAULT_MAX_CONCURRENT_COMMITS;

  public int getRetryAttempts() {
    return retryAttempts;
  }

  public ReliableTierOptions setRetryAttempts(int retryAttempts) {
    if (retryAttempts < 1 || retryAttempts > 1000) {
      throw new IllegalArgumentException("retry_attempts must be in [1, 1000], was " + retryAttempts);
    }
    this.retryAttempts = retryAttempts;
    return this;
  }

  public long getBaseDelayMs() {
    return baseDelayMs;
  }

  public ReliableTierOptions setBaseDelayMs(long baseDelayMs) {
    if (baseDelayMs < 0) {
      throw new IllegalArgumentException("base_delay_ms must be >= 0, was " + baseDelayMs);
    }
    this.baseDelayMs = baseDelayMs;
    return this;
  }

  public long getMaxDelayMs() {
    return maxDelayMs;
  }

  public ReliableTierOptions setMaxDelayMs(long maxDelayMs) {
    if (maxDelayMs < 0) {
      throw new IllegalArgumentException("max_delay_ms must be >= 0, was " + maxDelayMs);
    }
    this.maxDelayMs = maxDelayMs;
    return this;
  }

  public double getBackoffMultiplier() {
    return backoffMultiplier;
  }

  public ReliableTierOptions setBackoffMultiplier(double backoffMultiplier) {
    if (!(backoffMultiplier >= 1.0) || Double.isInfinite(backoffMultiplier)) {
      throw new IllegalArgumentException("backoff_multiplier must be a finite number >= 1.0, was " + backoffMultiplier);
    }
    this.backoffMultiplier = backoffMultiplier;
    return this;
  }

  public long getDeliveryTimeoutMs() {
    return deliveryTimeoutMs;
  }

  public ReliableTierOptions setDeliveryTimeoutMs(long deliveryTimeoutMs) {
    if (deliveryTimeoutMs < 1) {
      throw new IllegalArgumentException("delivery timeout_ms must be >= 1, was " + deliveryTimeoutMs);
    }
    this.deliveryTimeoutMs = deliveryTimeoutMs;
    return this;
  }

  public int getDeliveryBatchSize() {
    return deliveryBatchSize;
  }

  public ReliableTierOptions setDeliveryBatchSize(int deliveryBatchSize) {
    if (deliveryBatchSize < 1 || deliveryBatchSize > 65_536) {
      throw new IllegalArgumentException("delivery batch_size must be in [1, 65536], was " + deliveryBatchSize);
    }
    this.deliveryBatchSize = deliveryBatchSize;
    return this;
  }

  public int getMaxInFlight() {
    return maxInFlight;
  }

  public ReliableTierOptions setMaxInFlight(int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("max_in_flight must be >= 1, was " + maxInFlight);
    }
    this.maxInFlight = maxInFlight;
    return this;
  }

  public int getCommitBatchRows() {
    return commitBatchRows;
  }

  public ReliableTierOptions setCommitBatchRows(int commitBatchRows) {
    if (commitBatchRows < 1 || commitBatchRows > 100_000) {
      throw new IllegalArgumentException("commit_batch_rows must be in [1, 100000], was " + commitBatchRows);
    }
    this.commitBatchRows = commitBatchRows;
    return this;
  }

  public int getMaxConcurrentCommits() {
    return maxConcurrentCommits;
  }

  public ReliableTierOptions setMaxConcurrentCommits(int maxConcurrentCommits) {
    if (maxConcurrentCommits < 1 || maxConcurrentCommits > 64) {
      throw new IllegalArgumentException("max_concurrent_commits must be in [1, 64], was " + maxConcurrentCommits);
    }
    this.maxConcurrentCommits = maxConcurrentCommits;
    return this;
  }

  /** The delay before retry number {@code retry} (1-based). */
  public long delayBeforeRetry(int retry) {
    double d = baseDelayMs * Math.pow(backoffMultiplier, Math.max(0, retry - 1));
    return (long) Math.min(d, maxDelayMs);
  }

  /** Checks the combination of values; single values are checked by the setters. */
  public ReliableTierOptions validate() {
    if (maxDelayMs < baseDelayMs) {
      throw new IllegalArgumentException(
          "max_delay_ms (" + maxDelayMs + ") must be >= base_delay_ms (" + baseDelayMs + ")");
    }
    return this;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("retry_attempts", retryAttempts)
        .put("base_delay_ms", baseDelayMs)
        .put("max_delay_ms", maxDelayMs)
        .put("backoff_multiplier", backoffMultiplier)
        .put("delivery_timeout_ms", deliveryTimeoutMs)
        .put("delivery_batch_size", deliveryBatchSize)
        .put("max_in_flight", maxInFlight)
        .put("commit_batch_rows", commitBatchRows)
        .put("max_concurrent_commits", maxConcurrentCommits);
  }

  /** Reads the keys of {@link #toJson()}; absent keys keep their defaults. */
  public static ReliableTierOptions fromJson(JsonObject json) {
    ReliableTierOptions o = new ReliableTierOptions();
    if (json.containsKey("retry_attempts")) o.setRetryAttempts(json.getInteger("retry_attempts"));
    if (json.containsKey("base_delay_ms")) o.setBaseDelayMs(json.getLong("base_delay_ms"));
    if (json.containsKey("max_delay_ms")) o.setMaxDelayMs(json.getLong("max_delay_ms"));
    if (json.containsKey("backoff_multiplier")) o.setBackoffMultiplier(json.getDouble("backoff_multiplier"));
    if (json.containsKey("delivery_timeout_ms")) o.setDeliveryTimeoutMs(json.getLong("delivery_timeout_ms"));
    if (json.containsKey("delivery_batch_size")) o.setDeliveryBatchSize(json.getInteger("delivery_batch_size"));
    if (json.containsKey("max_in_flight")) o.setMaxInFlight(json.getInteger("max_in_flight"));
    if (json.containsKey("commit_batch_rows")) o.setCommitBatchRows(json.getInteger("commit_batch_rows"));
    if (json.containsKey("max_concurrent_commits")) o.setMaxConcurrentCommits(json.getInteger("max_concurrent_commits"));
    return o.validate();
  }
}
