package dev.tierbus.trading.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Bar;
import dev.tierbus.event.Direction;
import dev.tierbus.event.Signal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Breakouts of the previous N bars' channel, confirmed by volume, on crafted bars. */
class BreakoutStrategyTest {

  private static Bar bar(double high, double low, double close, double volume) {
    return new Bar("1D", close, high, low, close, volume);
  }

  /** Feeds (high, low, close, volume) rows; returns "index DIRECTION" for each signal. */
  private static List<String> run(BreakoutStrategy s, double[]... rows) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      Signal signal = s.onBar(bar(rows[i][0], rows[i][1], rows[i][2], rows[i][3]), "GOOG");
      if (signal != null) {
        out.add(i + " " + signal.direction());
      }
    }
    return out;
  }

  @Test
  void longOnACloseAboveThePreviousHighsWithEnoughVolumeShortOnACloseBelowTheLows() {
    BreakoutStrategy s = new BreakoutStrategy(3, 1.5);
    assertThat(run(s,
        new double[] {10, 9, 9.5, 100},
        new double[] {11, 9, 10, 100},
        new double[] {10.5, 8.5, 9, 100},
        new double[] {12, 11, 11.5, 140},   // above the high 11 but volume 140 < 1.5 · 100
        new double[] {13, 11.5, 12.5, 200}, // above 12 (the previous 3 bars' high) with 200 >= 1.5 · 113.3
        new double[] {9, 7.5, 8, 300},      // below 8.5 (lows 8.5, 11, 11.5) with 300 >= 1.5 · 146.7
        new double[] {13, 8, 13, 1000}))    // equal to the high 13: not above
        .containsExactly("4 LONG", "5 SHORT");
  }

  @Test
  void noSignalBeforeNPreviousBarsExist() {
    BreakoutStrategy s = new BreakoutStrategy(2, 0);
    assertThat(run(s, new double[] {10, 9, 10, 1}, new double[] {20, 9, 20, 1}, new double[] {30, 9, 30, 1}))
        .containsExactly("2 LONG");
  }

  @Test
  void volumeThresholdZeroIgnoresVolumeAndSignalsSayWhy() {
    BreakoutStrategy s = new BreakoutStrategy(1, 0);
    s.onBar(bar(10, 9, 9.5, 100), "GOOG");
    Signal up = s.onBar(bar(11, 10, 10.5, 0), "GOOG");
    assertThat(up.direction()).isEqualTo(Direction.LONG);
    assertThat(up.strength()).isEqualTo(1.0);
    assertThat(up.reason()).isEqualTo("close 10.5000 above the 1-bar high 10.0000 on volume 0.00x the average (threshold 0.00x)");
  }

  @Test
  void theChannelSlidesAndForgetsOldExtremes() {
    BreakoutStrategy s = new BreakoutStrategy(2, 0);
    // a spike to 50 at index 0 is out of the 2-bar window by index 3
    assertThat(run(s,
        new double[] {50, 9, 10, 1},
        new double[] {11, 9, 10, 1},
        new double[] {11, 9, 10, 1},
        new double[] {12, 9, 11.5, 1}))
        .containsExactly("3 LONG");
  }
}
