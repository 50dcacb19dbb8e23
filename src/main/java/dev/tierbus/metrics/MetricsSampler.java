package dev.tierbus.metrics;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Samples the tiers' counters every interval and keeps the rates of the last interval (events
 * per second, error rate), which a cumulative snapshot cannot give.
 *
 * <p>Sampling runs on a Vert.x timer (an event loop, for microseconds); readers on any thread
 * get the last complete sample.
 */
public final class MetricsSampler {

  private record Sample(long nanos, List<TierMetricsSnapshot> tiers, List<TierRates> rates) {}

  private final Vertx vertx;
  private final Supplier<List<TierMetricsSnapshot>> source;
  private final long intervalMs;
  private volatile Sample last;
  private long timer = -1;

  public MetricsSampler(Vertx vertx, Supplier<List<TierMetricsSnapshot>> source, long intervalMs) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.source = Objects.requireNonNull(source, "source");
    if (intervalMs < 1) {
      throw new IllegalArgumentException("intervalMs must be >= 1, was " + intervalMs);
    }
    this.intervalMs = intervalMs;
  }

  /** Takes the first sample now and the next ones every interval. */
  public synchronized MetricsSampler start() {
    if (timer < 0) {
      sample();
      timer = vertx.setPeriodic(intervalMs, id -> sample());
    }
    return this;
  }

  public synchronized void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  public long intervalMs() {
    return intervalMs;
  }

  /** Takes a sample now (the timer calls this). */
  public void sample() {
    long now = System.nanoTime();
    List<TierMetricsSnapshot> tiers = source.get();
    Sample before = last;
    List<TierRates> rates = new ArrayList<>(tiers.size());
    Map<String, TierMetricsSnapshot> previous = new HashMap<>();
    if (before != null) {
      before.tiers.forEach(t -> previous.put(t.tier(), t));
    }
    for (TierMetricsSnapshot t : tiers) {
      TierMetricsSnapshot p = previous.get(t.tier());
      rates.add(p == null ? TierRates.none(t.tier()) : TierRates.between(p, t, now - before.nanos));
    }
    last = new Sample(now, List.copyOf(tiers), List.copyOf(rates));
  }

  /** The rates of the last interval, per tier (none before the first sample). */
  public List<TierRates> rates() {
    Sample s = last;
    return s == null ? List.of() : s.rates;
  }

  /** The rates of one tier over the last interval. */
  public TierRates rates(String tier) {
    for (TierRates r : rates()) {
      if (r.tier().equals(tier)) {
        return r;
      }
    }
    return TierRates.none(tier);
  }
}
