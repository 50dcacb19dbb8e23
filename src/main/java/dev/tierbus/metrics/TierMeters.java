package dev.tierbus.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The tiers' figures as Micrometer meters (and so as Prometheus series), read from the last
 * {@link #update} — call it before each scrape.
 *
 * <pre>
 * tierbus_tier_published_total{tier}     refused, matched, delivered, dropped, rejected, errors likewise (counters)
 * tierbus_tier_queue_depth{tier}
 * tierbus_tier_latency_seconds{tier, quantile="0.5|0.95|0.99|0.999"}   since start
 * tierbus_tier_events_per_second{tier, kind="published|refused|delivered"}     last interval
 * tierbus_tier_error_rate_percent{tier}    handler errors and refused publishes per attempt, last interval
 * tierbus_tier_detail{tier, name}        every number in a snapshot's details (nested keys joined by _)
 * </pre>
 */
public final class TierMeters implements AutoCloseable {

  private static final String[] TIERS = {"fast", "standard", "reliable"};
  private static final double[] QUANTILES = {0.5, 0.95, 0.99, 0.999};

  private final Map<String, TierMetricsSnapshot> snapshots = new HashMap<>();
  private final Map<String, TierRates> rates = new HashMap<>();
  private final MultiGauge details;
  private final MeterRegistry registry;
  private final List<Meter> meters = new ArrayList<>();

  public TierMeters(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    for (String tier : TIERS) {
      counter(registry, "tierbus.tier.published", tier, TierMetricsSnapshot::published);
      counter(registry, "tierbus.tier.refused", tier, TierMetricsSnapshot::refused);
      counter(registry, "tierbus.tier.matched", tier, TierMetricsSnapshot::matched);
      counter(registry, "tierbus.tier.delivered", tier, TierMetricsSnapshot::delivered);
      counter(registry, "tierbus.tier.dropped", tier, TierMetricsSnapshot::dropped);
      counter(registry, "tierbus.tier.rejected", tier, TierMetricsSnapshot::rejected);
      counter(registry, "tierbus.tier.errors", tier, TierMetricsSnapshot::errors);
      meters.add(Gauge.builder("tierbus.tier.queue.depth", this, m -> m.value(tier, TierMetricsSnapshot::queueDepth))
          .tag("tier", tier).description("events (standard) or batches (fast) waiting now").register(registry));
      for (double q : QUANTILES) {
        meters.add(Gauge.builder("tierbus.tier.latency", this, m -> m.latencySeconds(tier, q))
            .tags("tier", tier, "quantile", Double.toString(q)).baseUnit("seconds")
            .description("publish-to-handler latency since start").register(registry));
      }
      meters.add(Gauge.builder("tierbus.tier.events.per.second", this, m -> m.rate(tier, TierRates::publishedPerSec))
          .tags("tier", tier, "kind", "published").register(registry));
      meters.add(Gauge.builder("tierbus.tier.events.per.second", this, m -> m.rate(tier, TierRates::refusedPerSec))
          .tags("tier", tier, "kind", "refused").register(registry));
      meters.add(Gauge.builder("tierbus.tier.events.per.second", this, m -> m.rate(tier, TierRates::deliveredPerSec))
          .tags("tier", tier, "kind", "delivered").register(registry));
      meters.add(Gauge.builder("tierbus.tier.error.rate", this, m -> m.rate(tier, TierRates::errorRatePct))
          .tag("tier", tier).baseUnit("percent")
          .description("handler errors and refused publishes per attempt, last interval")
          .register(registry));
    }
    details = MultiGauge.builder("tierbus.tier.detail").description("further figures a tier reports").register(registry);
  }

  private void counter(MeterRegistry registry, String name, String tier, ToDoubleFunction<TierMetricsSnapshot> f) {
    meters.add(FunctionCounter.builder(name, this, m -> m.value(tier, f)).tag("tier", tier).register(registry));
  }

  /** Removes these meters from the registry. */
  @Override
  public synchronized void close() {
    details.register(List.of(), true);
    meters.forEach(registry::remove);
    meters.clear();
  }

  /** Takes the figures the meters report from now on. */
  public synchronized void update(List<TierMetricsSnapshot> tiers, List<TierRates> tierRates) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (TierMetricsSnapshot t : tiers) {
      snapshots.put(t.tier(), t);
      flatten(t.tier(), "", t.details(), rows);
    }
    for (TierRates r : tierRates) {
      rates.put(r.tier(), r);
    }
    details.register(rows, true);
  }

  private static void flatten(String tier, String prefix, JsonObject details, List<MultiGauge.Row<?>> rows) {
    for (String key : details.fieldNames()) {
      Object v = details.getValue(key);
      String name = prefix.isEmpty() ? key : prefix + "_" + key;
      if (v instanceof Number n) {
        rows.add(MultiGauge.Row.of(Tags.of("tier", tier, "name", name), n));
      } else if (v instanceof JsonObject o) {
        flatten(tier, name, o, rows);
      }
    }
  }

  private synchronized double value(String tier, ToDoubleFunction<TierMetricsSnapshot> f) {
    TierMetricsSnapshot s = snapshots.get(tier);
    return s == null ? 0 : f.applyAsDouble(s);
  }

  private synchronized double rate(String tier, ToDoubleFunction<TierRates> f) {
    TierRates r = rates.get(tier);
    return r == null ? 0 : f.applyAsDouble(r);
  }

  private synchronized double latencySeconds(String tier, double q) {
    TierMetricsSnapshot s = snapshots.get(tier);
    if (s == null) {
      return 0;
    }
    LatencySnapshot l = s.latency();
    double us = q == 0.5 ? l.p50Us() : q == 0.95 ? l.p95Us() : q == 0.99 ? l.p99Us() : l.p999Us();
    return us / 1e6;
  }
}
