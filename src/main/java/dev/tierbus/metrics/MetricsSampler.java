package dev.tierbus.metrics;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Samples the tiers' and the containers' counters every interval and keeps the rates of the
 * last interval (events per second, error rates), which a cumulative snapshot cannot give.
 *
 * <p>Sampling runs on a Vert.x timer (an event loop, for microseconds); readers on any thread
 * get the last complete sample.
 */
public final class MetricsSampler {

  private record Sample(long nanos, List<TierMetricsSnapshot> tiers, List<TierRates> rates,
      Map<String, ContainerActivity> containers, List<ContainerErrorRate> containerRates) {}

  private final Vertx vertx;
  private final Supplier<List<TierMetricsSnapshot>> source;
  private final Supplier<List<ContainerActivity>> containerSource;
  private final long intervalMs;
  private volatile Sample last;
  private long timer = -1;

  public MetricsSampler(Vertx vertx, Supplier<List<TierMetricsSnapshot>> source, long intervalMs) {
    this(vertx, source, List::of, intervalMs);
  }

  /**
   * @param source the tiers' figures now
   * @param containerSource every deployed container's totals now
   */
  public MetricsSampler(Vertx vertx, Supplier<List<TierMetricsSnapshot>> source,
      Supplier<List<ContainerActivity>> containerSource, long intervalMs) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.source = Objects.requireNonNull(source, "source");
    this.containerSource = Objects.requireNonNull(containerSource, "containerSource");
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
    Map<String, ContainerActivity> containers = new LinkedHashMap<>();
    List<ContainerErrorRate> containerRates = new ArrayList<>();
    for (ContainerActivity c : containerSource.get()) {
      containers.put(c.container(), c);
      if (before != null) {
        // a container deployed since the last sample: everything it did falls in this interval
        containerRates.add(ContainerErrorRate.between(before.containers.get(c.container()), c));
      }
    }
    last = new Sample(now, List.copyOf(tiers), List.copyOf(rates), containers, List.copyOf(containerRates));
  }

  /** Per deployed container, its component errors over the last interval (none before the second sample). */
  public List<ContainerErrorRate> containerRates() {
    Sample s = last;
    return s == null ? List.of() : s.containerRates;
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
