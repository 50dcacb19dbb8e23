package dev.tierbus.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ComponentErrorChecksTest {

  private static final HealthSettings FIVE_PCT = new HealthSettings(true, 1000, 100, 10, 5.0);

  @Test
  void aContainerWhoseComponentsFailOnMoreThanTheThresholdIsDownByName() {
    List<ContainerErrorRate> rates = List.of(
        ContainerErrorRate.between(new ContainerActivity("risk", 100, 2), new ContainerActivity("risk", 200, 12)),
        ContainerErrorRate.between(new ContainerActivity("ok", 0, 0), new ContainerActivity("ok", 1000, 50)));
    assertThat(rates.get(0).errorRatePct()).isEqualTo(10.0);
    assertThat(rates.get(1).errorRatePct()).isEqualTo(5.0);
    CheckResult check = ComponentErrorChecks.check(rates, FIVE_PCT);
    assertThat(check.name()).isEqualTo("containers.errors");
    assertThat(check.status()).isEqualTo(CheckResult.Status.DOWN);
    assertThat(check.message()).contains("risk: 10 component errors on 100 events in").doesNotContain("ok:");
    assertThat(check.data().getJsonObject("risk").getLong("errors")).isEqualTo(10);
  }

  @Test
  void noErrorsOrErrorsWithinTheThresholdAreUp() {
    assertThat(ComponentErrorChecks.check(List.of(), FIVE_PCT).status()).isEqualTo(CheckResult.Status.UP);
    CheckResult quiet = ComponentErrorChecks.check(List.of(
        ContainerErrorRate.between(new ContainerActivity("a", 5, 0), new ContainerActivity("a", 5, 0))), FIVE_PCT);
    assertThat(quiet.status()).isEqualTo(CheckResult.Status.UP);
  }

  @Test
  void errorsWithoutEventsInAndARedeployedContainerAreCountedFromItsNewTotals() {
    assertThat(ContainerErrorRate.between(new ContainerActivity("a", 5, 0), new ContainerActivity("a", 5, 3))
        .errorRatePct()).isEqualTo(100.0);
    // the counters went back to a new instance's: its own totals are the interval's
    ContainerErrorRate redeployed = ContainerErrorRate.between(new ContainerActivity("a", 500, 40),
        new ContainerActivity("a", 10, 4));
    assertThat(redeployed.eventsIn()).isEqualTo(10);
    assertThat(redeployed.errors()).isEqualTo(4);
  }

  @Test
  void theSamplerGivesPerContainerRatesOfTheLastInterval() {
    Vertx vertx = Vertx.vertx();
    try {
      AtomicReference<List<ContainerActivity>> now = new AtomicReference<>(List.of(new ContainerActivity("s", 10, 1)));
      MetricsSampler sampler = new MetricsSampler(vertx, List::of, now::get, 60_000);
      sampler.sample();
      assertThat(sampler.containerRates()).isEmpty();
      now.set(List.of(new ContainerActivity("s", 30, 11), new ContainerActivity("new", 4, 0)));
      sampler.sample();
      assertThat(sampler.containerRates()).extracting(ContainerErrorRate::container, ContainerErrorRate::eventsIn,
          ContainerErrorRate::errors).containsExactly(
              org.assertj.core.groups.Tuple.tuple("s", 20L, 10L), org.assertj.core.groups.Tuple.tuple("new", 4L, 0L));
    } finally {
      vertx.close();
    }
  }
}
