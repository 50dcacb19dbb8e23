package dev.tierbus.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class TierMetersTest {

  @Test
  void countersGaugesAndNumericDetailsBecomePrometheusSeries() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    TierMeters meters = new TierMeters(registry);
    TierMetricsSnapshot reliable = new TierMetricsSnapshot("reliable", 7, 6, 0, 0, 1, 2,
        new LatencySnapshot(6, 1000, 2000, 3000, 4000, 5000),
        new JsonObject().put("pending", 3).put("journal", new JsonObject().put("p99_us", 12.5)).put("state", "ok"));
    meters.update(List.of(reliable), List.of(new TierRates("reliable", 1000, 7, 6, 1, 14.3)));
    String text = registry.scrape();
    assertThat(text).contains("tierbus_tier_published_total{tier=\"reliable\"} 7.0",
        "tierbus_tier_queue_depth{tier=\"reliable\"} 2.0",
        "tierbus_tier_latency_seconds{quantile=\"0.99\",tier=\"reliable\"} 0.003",
        "tierbus_tier_detail{name=\"pending\",tier=\"reliable\"} 3.0",
        "tierbus_tier_detail{name=\"journal_p99_us\",tier=\"reliable\"} 12.5",
        "tierbus_tier_error_rate_percent{tier=\"reliable\"} 14.3");
    assertThat(text).doesNotContain("name=\"state\"");
    meters.update(List.of(new TierMetricsSnapshot("reliable", 7, 5, 6, 0, 5, 1, 2, LatencySnapshot.EMPTY, null)),
        List.of(new TierRates("reliable", 1000, 0, 5, 0, 0, 5, 100)));
    assertThat(registry.scrape()).contains("tierbus_tier_refused_total{tier=\"reliable\"} 5.0",
        "tierbus_tier_events_per_second{kind=\"refused\",tier=\"reliable\"} 5.0",
        "tierbus_tier_error_rate_percent{tier=\"reliable\"} 100.0");
    meters.close();
    assertThat(registry.scrape()).doesNotContain("tierbus_tier_");
  }
}
