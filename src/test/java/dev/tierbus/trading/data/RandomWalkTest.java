package dev.tierbus.trading.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Bar;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomWalkTest {

  private static List<Bar> bars(String symbol, long seed, int n) {
    RandomWalk w = new RandomWalk(symbol, seed, 100, 0.01, 0.0);
    List<Bar> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(w.next("1min"));
    }
    return out;
  }

  @Test
  void sameSeedSameSeries() {
    assertThat(bars("AAPL", 42, 500)).isEqualTo(bars("AAPL", 42, 500));
    assertThat(bars("AAPL", 42, 50)).isNotEqualTo(bars("AAPL", 43, 50));
    assertThat(bars("AAPL", 42, 50)).isNotEqualTo(bars("MSFT", 42, 50));
  }

  @Test
  void barsAreConsistentAndChained() {
    List<Bar> bars = bars("AAPL", 1, 1000);
    assertThat(bars.get(0).open()).isEqualTo(100.0);
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      assertThat(b.high()).isGreaterThanOrEqualTo(Math.max(b.open(), b.close()));
      assertThat(b.low()).isLessThanOrEqualTo(Math.min(b.open(), b.close())).isPositive();
      assertThat(b.volume()).isPositive();
      assertThat(b.timeframe()).isEqualTo("1min");
      if (i > 0) {
        assertThat(b.open()).isEqualTo(bars.get(i - 1).close());
      }
    }
  }

  @Test
  void zeroVolatilityFollowsTheDrift() {
    RandomWalk w = new RandomWalk("X", 1, 100, 0.0, 0.01);
    Bar b = w.next("1D");
    assertThat(b.close()).isEqualTo(100 * StrictMath.exp(0.01));
    assertThat(b.high()).isEqualTo(b.close());
    assertThat(b.low()).isEqualTo(b.open());
  }
}
