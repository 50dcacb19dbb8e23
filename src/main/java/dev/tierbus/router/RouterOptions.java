package dev.tierbus.router;

import dev.tierbus.event.EventType;
import dev.tierbus.event.Tier;
import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a {@link TieredEventRouter}: one options object per tier, the node-wide tier of
 * each event type ({@code event_router.tiers.<tier>.events}) and the drain timeout used on
 * shutdown.
 */
public final class RouterOptions {

  public static final long DEFAULT_DRAIN_TIMEOUT_MS = 5_000;

  private FastTierOptions fast = new FastTierOptions();
  private StandardTierOptions standard = new StandardTierOptions();
  private ReliableTierOptions reliable = new ReliableTierOptions();
  private final EnumMap<EventType, Tier> tierOverrides = new EnumMap<>(EventType.class);
  private long drainTimeoutMs = DEFAULT_DRAIN_TIMEOUT_MS;

  public FastTierOptions getFast() {
    return fast;
  }

  public RouterOptions setFast(FastTierOptions fast) {
    this.fast = Objects.requireNonNull(fast, "fast");
    return this;
  }

  public StandardTierOptions getStandard() {
    return standard;
  }

  public RouterOptions setStandard(StandardTierOptions standard) {
    this.standard = Objects.requireNonNull(standard, "standard");
    return this;
  }

  public ReliableTierOptions getReliable() {
    return reliable;
  }

  public RouterOptions setReliable(ReliableTierOptions reliable) {
    this.reliable = Objects.requireNonNull(reliable, "reliable");
    return this;
  }

  /** Makes {@code type} travel on {@code tier} on this node unless a publication says otherwise. */
  public RouterOptions setTier(EventType type, Tier tier) {
    tierOverrides.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(tier, "tier"));
    return this;
  }

  /** The node-wide tier of an event type: its override, else its default tier. */
  public Tier tierOf(EventType type) {
    return tierOverrides.getOrDefault(type, type.defaultTier());
  }

  public Map<EventType, Tier> getTierOverrides() {
    return Map.copyOf(tierOverrides);
  }

  public long getDrainTimeoutMs() {
    return drainTimeoutMs;
  }

  public RouterOptions setDrainTimeoutMs(long drainTimeoutMs) {
    if (drainTimeoutMs < 0) {
      throw new IllegalArgumentException("drain_timeout_ms must be >= 0, was " + drainTimeoutMs);
    }
    this.drainTimeoutMs = drainTimeoutMs;
    return this;
  }

  public JsonObject toJson() {
    JsonObject overrides = new JsonObject();
    tierOverrides.forEach((t, tier) -> overrides.put(t.name(), tier.configName()));
    return new JsonObject()
        .put("fast", fast.toJson())
        .put("standard", standard.toJson())
        .put("reliable", reliable.toJson())
        .put("tier_overrides", overrides)
        .put("drain_timeout_ms", drainTimeoutMs);
  }

  /** Reads the form written by {@link #toJson()}. */
  public static RouterOptions fromJson(JsonObject json) {
    RouterOptions o = new RouterOptions();
    if (json.containsKey("fast")) o.setFast(FastTierOptions.fromJson(json.getJsonObject("fast")));
    if (json.containsKey("standard")) o.setStandard(StandardTierOptions.fromJson(json.getJsonObject("standard")));
    if (json.containsKey("reliable")) o.setReliable(ReliableTierOptions.fromJson(json.getJsonObject("reliable")));
    JsonObject overrides = json.getJsonObject("tier_overrides", new JsonObject());
    overrides.forEach(e -> o.setTier(EventType.fromName(e.getKey()), Tier.fromName((String) e.getValue())));
    if (json.containsKey("drain_timeout_ms")) o.setDrainTimeoutMs(json.getLong("drain_timeout_ms"));
    return o;
  }
}
