package dev.tierbus.trading.strategy;

import static dev.tierbus.trading.TradingTestSupport.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tierbus.event.Direction;
import dev.tierbus.event.Signal;
import org.junit.jupiter.api.Test;

class MomentumStrategyTest {

  @Test
  void noSignalBeforeTheSlowAverageIsWarm() {
    MomentumStrategy s = new MomentumStrategy(2, 4, 0.02);
    assertThat(s.onBar(bar(100), "AAPL")).isNull();
    assertThat(s.onBar(bar(100), "AAPL")).isNull();
    assertThat(s.onBar(bar(100), "AAPL")).isNull();
    assertThat(s.onBar(bar(100), "AAPL")).isNotNull();
  }

  @Test
  void longShortAndFlatFollowTheRelativeSpread() {
    MomentumStrategy s = new MomentumStrategy(2, 4, 0.02);
    for (int i = 0; i < 3; i++) {
      s.onBar(bar(100), "AAPL");
    }
    // fast 100, slow 100: spread 0 → FLAT, strength 0
    Signal flat = s.onBar(bar(100), "AAPL");
    assertThat(flat.direction()).isEqualTo(Direction.FLAT);
    assertThat(flat.strength()).isZero();
    // fast (100+110)/2 = 105, slow (100·3+110)/4 = 102.5: spread 2.5/102.5 = 2.439% > 2% → LONG
    // strength 0.02439/0.02 · 0.5 = 0.6098
    Signal up = s.onBar(bar(110), "AAPL");
    assertThat(up.direction()).isEqualTo(Direction.LONG);
    assertThat(up.strength()).isCloseTo(2.5 / 102.5 / 0.02 * 0.5, within(1e-12));
    assertThat(up.reason()).contains("SMA(2) vs SMA(4)").contains("+2.439%");
    assertThat(up.strategy()).isNull(); // the container fills in its id
    // fast (110+90)/2 = 100, slow (100+100+110+90)/4 = 100 → FLAT
    assertThat(s.onBar(bar(90), "AAPL").direction()).isEqualTo(Direction.FLAT);
    // fast (90+80)/2 = 85, slow (100+110+90+80)/4 = 95: spread −10.5% → SHORT, strength clamped to −1
    Signal down = s.onBar(bar(80), "AAPL");
    assertThat(down.direction()).isEqualTo(Direction.SHORT);
    assertThat(down.strength()).isEqualTo(-1.0);
  }

  @Test
  void symbolsAndTimeframesAreSeparateSeries() {
    MomentumStrategy s = new MomentumStrategy(1, 2, 0.01);
    assertThat(s.onBar(bar(100), "AAPL")).isNull();
    assertThat(s.onBar(bar(100), "MSFT")).isNull();
    assertThat(s.onBar(new dev.tierbus.event.Bar("5min", 1, 1, 1, 100, 1), "AAPL")).isNull();
    assertThat(s.onBar(bar(100), "AAPL")).isNotNull();
  }
}
