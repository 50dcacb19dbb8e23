package dev.tierbus.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogThrottleTest {

  @Test
  void powersOfTwoLogTheFirstAndThenEverDoublingOccurrences() {
    LogThrottle t = LogThrottle.powersOfTwo();
    List<Long> logged = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      if (t.shouldLog()) {
        logged.add(t.count());
      }
    }
    assertThat(logged).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L);
    assertThat(t.count()).isEqualTo(100);
  }

  @Test
  void perIntervalLogsTheFirstAndThenAtMostOncePerInterval() {
    LogThrottle t = LogThrottle.perInterval(Duration.ofHours(1));
    assertThat(t.shouldLog()).isTrue();
    for (int i = 0; i < 1000; i++) {
      assertThat(t.shouldLog()).isFalse();
    }
    assertThat(t.count()).isEqualTo(1001);
    assertThatThrownBy(() -> LogThrottle.perInterval(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
