package dev.tierbus.trading.strategy;

import static dev.tierbus.trading.TradingTestSupport.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tierbus.event.Direction;
import dev.tierbus.event.Signal;
import org.junit.jupiter.api.Test;

class MeanReversionStrategyTest {

  @Test
  void zScoreAgainstTheLookbackDecidesTheDirection() {
    MeanReversionStrategy s = new MeanReversionStrategy(4, 1.0);
    assertThat(s.onBar(bar(10), "AAPL")).isNull();
    assertThat(s.onBar(bar(10), "AAPL")).isNull();
    assertThat(s.onBar(bar(10), "AAPL")).isNull();
    // σ = 0: no z-score, FLAT
    Signal flat = s.onBar(bar(10), "AAPL");
    assertThat(flat.direction()).isEqualTo(Direction.FLAT);
    assertThat(flat.strength()).isZero();
    // window 10 10 10 14: mean 11, σ = √3, z = 3/√3 = 1.732 > 1 → SHORT, strength −1.732/2
    Signal high = s.onBar(bar(14), "AAPL");
    assertThat(high.direction()).isEqualTo(Direction.SHORT);
    assertThat(high.strength()).isCloseTo(-Math.sqrt(3) / 2, within(1e-12));
    assertThat(high.reason()).contains("z-score over 4 bars +1.732");
    // window 10 10 14 6: mean 10, σ = √8, z = −4/√8 = −1.414 → LONG, strength 0.707
    Signal low = s.onBar(bar(6), "AAPL");
    assertThat(low.direction()).isEqualTo(Direction.LONG);
    assertThat(low.strength()).isCloseTo(Math.sqrt(2) / 2, within(1e-12));
    // window 10 14 6 10: z = 0 → FLAT
    assertThat(s.onBar(bar(10), "AAPL").direction()).isEqualTo(Direction.FLAT);
  }

  @Test
  void strengthSaturatesAtTwiceTheThreshold() {
    MeanReversionStrategy s = new MeanReversionStrategy(2, 0.5);
    s.onBar(bar(10), "AAPL");
    // window 10 20: mean 15, σ 5, z = 1 = 2 × threshold → strength −1
    Signal sig = s.onBar(bar(20), "AAPL");
    assertThat(sig.direction()).isEqualTo(Direction.SHORT);
    assertThat(sig.strength()).isCloseTo(-1.0, within(1e-12));
  }

  @Test
  void aZScoreExactlyAtTheThresholdIsFlatAndSymbolsAreSeparate() {
    MeanReversionStrategy s = new MeanReversionStrategy(2, 1.0);
    assertThat(s.onBar(bar(10), "AAPL")).isNull();
    assertThat(s.onBar(bar(99), "MSFT")).isNull();
    // window 10 20: mean 15, σ 5, z = +1 = threshold: not beyond it
    assertThat(s.onBar(bar(20), "AAPL").direction()).isEqualTo(Direction.FLAT);
    // window 20 5: mean 12.5, σ 7.5, z = −1: not beyond −threshold either
    assertThat(s.onBar(bar(5), "AAPL").direction()).isEqualTo(Direction.FLAT);
  }
}
