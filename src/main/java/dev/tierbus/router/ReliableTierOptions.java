package dev.tierbus.router;

import io.vertx.core.json.JsonObject;

/**
 * Retry settings of the reliable tier ({@code event_router.tiers.reliable}).
 *
 * <p>The n-th retry of a delivery waits {@code min(base_delay_ms * backoff_multiplier^(n-1),
 * max_delay_ms)}; after {@link #getRetryAttempts()} failed attempts the delivery becomes a
 * dead letter.
 */
public final class ReliableTierOptions {

  public static final int DEFAULT_RETRY_ATTEMPTS = 3;
  public static final long DEFAULT_BASE_DELAY_MS = 1000;
  public static final long DEFAULT_MAX_DELAY_MS = 30_000;
  public static final double DEFAULT_BACKOFF_MULTIPLIER = 2.0;

  private int retryAttempts = DEFAULT_RETRY_ATTEMPTS;
  private long baseDelayMs = DEFAULT_BASE_DELAY_MS;
  private long maxDelayMs = DEFAULT_MAX_DELAY_MS;
  private double backoffMultiplier = DEFAULT_BACKOFF_MULTIPLIER;

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
        .put("backoff_multiplier", backoffMultiplier);
  }

  /** Reads the keys of {@link #toJson()}; absent keys keep their defaults. */
  public static ReliableTierOptions fromJson(JsonObject json) {
    ReliableTierOptions o = new ReliableTierOptions();
    if (json.containsKey("retry_attempts")) o.setRetryAttempts(json.getInteger("retry_attempts"));
    if (json.containsKey("base_delay_ms")) o.setBaseDelayMs(json.getLong("base_delay_ms"));
    if (json.containsKey("max_delay_ms")) o.setMaxDelayMs(json.getLong("max_delay_ms"));
    if (json.containsKey("backoff_multiplier")) o.setBackoffMultiplier(json.getDouble("backoff_multiplier"));
    return o.validate();
  }
}
