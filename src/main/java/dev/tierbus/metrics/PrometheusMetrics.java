package dev.tierbus.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.util.Objects;
import java.util.UUID;

/**
 * The Prometheus registry of a node: Vert.x's own metrics (HTTP server, pools, verticles, JVM)
 * recorded by vertx-micrometer-metrics, beside which tierbus registers its tier and container
 * meters.
 *
 * <p>Vert.x records its metrics only when it is created with them ({@link #createVertx}). The
 * event-bus domain is left out: the fast tier and the internal bus send a message per batch or
 * per event, and a meter update per message would cost the hot path for figures the tiers
 * already report. A Vert.x created without metrics still gets a registry
 * ({@link #registry(Vertx)}), holding only tierbus's meters.
 */
public final class PrometheusMetrics {

  private static final String MAP = "tierbus.metrics";
  private static final String KEY = "prometheus";

  private record Holder(PrometheusMeterRegistry registry) implements Shareable {}

  private PrometheusMetrics() {}

  /** A new Vert.x whose metrics go to a new Prometheus registry; {@code options} are copied. */
  public static Vertx createVertx(VertxOptions options) {
    Objects.requireNonNull(options, "options");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setRegistryName("tierbus-" + UUID.randomUUID())
        .addDisabledMetricsCategory(MetricsDomain.EVENT_BUS)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true));
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions(options).setMetricsOptions(metrics))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    holders(vertx).put(KEY, new Holder(registry));
    return vertx;
  }

  /**
   * The registry of {@code vertx}: the one {@link #createVertx} gave it, else one made now
   * (and kept) for tierbus's own meters.
   */
  public static PrometheusMeterRegistry registry(Vertx vertx) {
    return holders(vertx).computeIfAbsent(KEY, k -> new Holder(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)))
        .registry();
  }

  /** True when {@code vertx} records its own metrics into {@link #registry(Vertx)}. */
  public static boolean recordsVertxMetrics(Vertx vertx) {
    return vertx.isMetricsEnabled() && holders(vertx).get(KEY) != null;
  }

  private static LocalMap<String, Holder> holders(Vertx vertx) {
    return vertx.sharedData().getLocalMap(MAP);
  }
}
