package dev.tierbus.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class TierHealthChecksTest {

  static TierMetricsSnapshot tier(String name, long published, long delivered, long errors, long queued, double p99Us) {
    return new TierMetricsSnapshot(name, published, delivered, 0, 0, errors, queued,
        new LatencySnapshot(delivered, p99Us / 2, p99Us, p99Us, p99Us, p99Us));
  }

  @Test
  void settingsComeFromTheEventRouterSectionWithTheDesignDefaults() {
    assertThat(HealthSettings.fromEventRouter(new JsonObject())).isEqualTo(HealthSettings.DEFAULTS);
    HealthSettings s = HealthSettings.fromEventRouter(new JsonObject().put("global_settings", new JsonObject()
        .put("health_checks", new JsonObject().put("check_interval_ms", 250)
            .put("alert_thresholds", new JsonObject().put("max_queue_depth", 10).put("max_error_rate_pct", 1.5)))));
    assertThat(s.checkIntervalMs()).isEqualTo(250);
    assertThat(s.maxQueueDepth()).isEqualTo(10);
    assertThat(s.maxErrorRatePct()).isEqualTo(1.5);
    assertThat(s.maxLatencyMs()).isEqualTo(100);
  }

  @Test
  void ratesAreTakenBetweenTwoSnapshots() {
    TierRates r = TierRates.between(tier("standard", 100, 90, 0, 0, 1), tier("standard", 1100, 1080, 10, 0, 1),
        500_000_000L);
    assertThat(r.publishedPerSec()).isEqualTo(2000);
    assertThat(r.deliveredPerSec()).isEqualTo(1980);
    assertThat(r.errorRatePct()).isEqualTo(1.0);
    assertThat(r.intervalMs()).isEqualTo(500);
  }

  @Test
  void refusedPublishesAreCountedApartAndAsErrors() {
    TierMetricsSnapshot before = new TierMetricsSnapshot("reliable", 1000, 0, 1000, 0, 0, 0, 0, LatencySnapshot.EMPTY,
        null);
    // the journal went down: 300 publishes refused in one second, nothing accepted or delivered
    TierMetricsSnapshot after = new TierMetricsSnapshot("reliable", 1000, 300, 1000, 0, 300, 0, 0,
        LatencySnapshot.EMPTY, null);
    TierRates r = TierRates.between(before, after, 1_000_000_000L);
    assertThat(r.publishedPerSec()).isZero();
    assertThat(r.refusedPerSec()).isEqualTo(300);
    assertThat(r.refused()).isEqualTo(300);
    assertThat(r.errorRatePct()).isEqualTo(100.0);
    assertThat(after.toJson().getLong("refused")).isEqualTo(300);

    CheckResult check = TierHealthChecks.errorRate(List.of(r), new HealthSettings(true, 1000, 100, 10, 5.0));
    assertThat(check.status()).isEqualTo(CheckResult.Status.DOWN);
    assertThat(check.message()).contains("reliable 100.0 %", "300 refused publishes");

    // half of the attempts refused, the other half delivered
    TierRates half = TierRates.between(before, new TierMetricsSnapshot("reliable", 1100, 100, 1100, 0, 100, 0, 0,
        LatencySnapshot.EMPTY, null), 1_000_000_000L);
    assertThat(half.errorRatePct()).isEqualTo(50.0);
  }

  @Test
  void queuesBeyondTheThresholdAndErrorRatesAreDownLatencyOnlyWarns() {
    HealthSettings s = new HealthSettings(true, 1000, 100, 10, 5.0);
    List<CheckResult> ok = TierHealthChecks.check(List.of(tier("fast", 1, 1, 0, 100, 50)),
        List.of(new TierRates("fast", 1000, 1, 1, 0, 0)), s);
    assertThat(ok).extracting(CheckResult::status).containsOnly(CheckResult.Status.UP);

    List<CheckResult> bad = TierHealthChecks.check(List.of(tier("standard", 1, 1, 0, 101, 20_000)),
        List.of(new TierRates("standard", 1000, 100, 90, 10, 10.0)), s);
    assertThat(bad).extracting(CheckResult::name, CheckResult::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("router.queues", CheckResult.Status.DOWN),
        org.assertj.core.groups.Tuple.tuple("router.error_rate", CheckResult.Status.DOWN),
        org.assertj.core.groups.Tuple.tuple("router.latency", CheckResult.Status.WARN));
    assertThat(bad.get(0).message()).contains("standard holds 101");
    HealthReport report = new HealthReport(bad);
    assertThat(report.ready()).isFalse();
    assertThat(report.failing()).containsExactly("router.queues", "router.error_rate");
  }
}
