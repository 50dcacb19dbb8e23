package dev.tierbus.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

  @Test
  void percentilesInMicroseconds() {
    LatencyRecorder r = new LatencyRecorder();
    for (int i = 1; i <= 1000; i++) {
      r.record(i * 1_000L);
    }
    LatencySnapshot s = r.snapshot();
    assertThat(s.count()).isEqualTo(1000);
    assertThat(s.p50Us()).isBetween(499.0, 501.0);
    assertThat(s.p99Us()).isBetween(989.0, 991.0);
    assertThat(s.maxUs()).isBetween(999.0, 1001.0);
  }

  @Test
  void partsCountInTheTotalAlsoAfterRelease() {
    LatencyRecorder tier = new LatencyRecorder();
    LatencyRecorder a = tier.part();
    LatencyRecorder b = tier.part();
    tier.record(1_000, 10);
    a.record(2_000);
    b.record(3_000, 4);
    assertThat(tier.snapshot().count()).isEqualTo(15);
    a.record(2_000);
    tier.release(a);
    a.record(2_000); // no longer followed
    assertThat(tier.snapshot().count()).isEqualTo(16);
    assertThat(tier.snapshot().maxUs()).isBetween(2.99, 3.01);
  }

  @Test
  void negativeAndHugeValuesAreClampedNotThrown() {
    LatencyRecorder r = new LatencyRecorder();
    r.record(-5);
    r.record(Long.MAX_VALUE);
    assertThat(r.snapshot().count()).isEqualTo(2);
  }
}
