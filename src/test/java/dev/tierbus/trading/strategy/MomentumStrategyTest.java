package dev.tierbus.trading.strategy;

import static dev.tierbus.trading.TradingTestSupport.bar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Bar;
import dev.tierbus.event.Direction;
import dev.tierbus.event.Signal;
import dev.tierbus.trading.strategy.MomentumStrategy.Exit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The crossover rule on crafted closes. With fast_period 1 and slow_period 2 the fast average
 * is the close and the slow one the mean of the last two closes, so "fast above slow" is
 * exactly "this close is higher than the previous one", and every comparison is exact in
 * binary floating point (halves of the prices used).
 */
class MomentumStrategyTest {

  /** The signal per bar as "index DIRECTION", bars without a signal left out. */
  private static List<String> signals(MomentumStrategy s, double... closes) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < closes.length; i++) {
      Signal signal = s.onBar(bar(closes[i]), "AAPL");
      if (signal != null) {
        out.add(i + " " + signal.direction());
      }
    }
    return out;
  }

  @Test
  void longOnTheBarThatCrossesAboveAndShortOnTheBarThatFallsToOrBelow() {
    // above (close > previous close) per bar from index 1: no, yes, yes, no(equal), yes, no, no, no(equal), yes
    assertThat(signals(new MomentumStrategy(1, 2, 0), 10, 10, 11, 12, 12, 13, 12, 11, 11, 12))
        .containsExactly("2 LONG", "4 SHORT", "5 LONG", "6 SHORT", "9 LONG");
  }

  @Test
  void theFirstBarWithBothAveragesSetsTheStateWithoutASignal() {
    // index 1 is already above (11 > 10): no LONG there, the first signal is the fall at index 3
    assertThat(signals(new MomentumStrategy(1, 2, 0), 10, 11, 12, 11)).containsExactly("3 SHORT");
    // the first possible signal is at bar index slow_period: index 2 here
    assertThat(signals(new MomentumStrategy(1, 2, 0), 10, 10, 11)).containsExactly("2 LONG");
  }

  @Test
  void noSignalBeforeTheSlowAverageExistsForTheBarAndTheOneBefore() {
    MomentumStrategy s = new MomentumStrategy(2, 4, 0);
    assertThat(signals(s, 100, 100, 100, 90, 200)).containsExactly("4 LONG");
  }

  @Test
  void crossingSignalsHaveFullStrengthAndSayWhy() {
    MomentumStrategy s = new MomentumStrategy(1, 2, 0);
    s.onBar(bar(10), "AAPL");
    s.onBar(bar(10), "AAPL");
    Signal up = s.onBar(bar(11), "AAPL");
    assertThat(up.direction()).isEqualTo(Direction.LONG);
    assertThat(up.strength()).isEqualTo(1.0);
    assertThat(up.reason()).isEqualTo("SMA(1) crossed above SMA(2): 11.0000 vs 10.5000, gap +4.762% (threshold 0.000%)");
    assertThat(up.strategy()).isNull(); // the container fills in its id
    Signal down = s.onBar(bar(10), "AAPL");
    assertThat(down.direction()).isEqualTo(Direction.SHORT);
    assertThat(down.strength()).isEqualTo(-1.0);
    assertThat(down.reason()).startsWith("SMA(1) fell to or below SMA(2)");
  }

  @Test
  void exitSignalFlatMakesItLongOnly() {
    MomentumStrategy s = new MomentumStrategy(1, 2, 0, Exit.FLAT, false);
    List<Signal> out = new ArrayList<>();
    for (double c : new double[] {10, 10, 11, 10, 9, 12}) {
      Signal signal = s.onBar(bar(c), "AAPL");
      if (signal != null) {
        out.add(signal);
      }
    }
    assertThat(out).extracting(Signal::direction).containsExactly(Direction.LONG, Direction.FLAT, Direction.LONG);
    assertThat(out.get(1).strength()).isZero();
  }

  @Test
  void aThresholdIsAHysteresisBandAroundTheCross() {
    // gap = (c − m) / m with m the mean of the last two closes = (c − p) / (c + p)
    // 105: +2.4% (inside ±5%), 120: +6.7% (out above), 118: −0.8% (inside), 100: −8.3% (out below)
    double[] closes = {100, 100, 105, 120, 118, 100};
    assertThat(signals(new MomentumStrategy(1, 2, 0.05), closes)).containsExactly("3 LONG", "5 SHORT");
    assertThat(signals(new MomentumStrategy(1, 2, 0.0), closes)).containsExactly("2 LONG", "4 SHORT");
  }

  @Test
  void everyBarReportsTheStandingPositionWithTheSameCrossings() {
    MomentumStrategy s = new MomentumStrategy(1, 2, 0, Exit.SHORT, true);
    List<Signal> out = new ArrayList<>();
    for (double c : new double[] {10, 10, 11, 12, 11}) {
      out.add(s.onBar(bar(c), "AAPL"));
    }
    assertThat(out.get(0)).isNull();
    assertThat(out.subList(1, 5)).extracting(Signal::direction)
        .containsExactly(Direction.SHORT, Direction.LONG, Direction.LONG, Direction.SHORT);
    assertThat(out.get(1).reason()).startsWith("SMA(1) not above SMA(2)");
    assertThat(out.get(2).reason()).startsWith("SMA(1) crossed above SMA(2)");
    assertThat(out.get(3).reason()).startsWith("SMA(1) above SMA(2)");
    assertThat(out.get(4).reason()).startsWith("SMA(1) fell to or below SMA(2)");
  }

  @Test
  void symbolsAndTimeframesAreSeparateSeries() {
    MomentumStrategy s = new MomentumStrategy(1, 2, 0, Exit.SHORT, true);
    assertThat(s.onBar(bar(100), "AAPL")).isNull();
    assertThat(s.onBar(bar(100), "MSFT")).isNull();
    assertThat(s.onBar(new Bar("5min", 1, 1, 1, 100, 1), "AAPL")).isNull();
    assertThat(s.onBar(bar(100), "AAPL")).isNotNull();
  }
}
