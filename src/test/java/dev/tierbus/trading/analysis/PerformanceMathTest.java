package dev.tierbus.trading.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceMathTest {

  private static final long DAY = 86_400_000_000_000L;
  private static final long HOUR = 3_600_000_000_000L;
  /** 2013-01-02T00:00:00Z. */
  private static final long T0 = 1_357_084_800_000_000_000L;

  private static List<EquityPoint> curve(long spacing, double... equity) {
    List<EquityPoint> out = new ArrayList<>();
    for (int i = 0; i < equity.length; i++) {
      out.add(new EquityPoint(T0 + i * spacing, equity[i], false));
    }
    return out;
  }

  /*
   * A hand-computed curve: equity 100, 110, 99, 108.9, 119.79, one point every 91.3125 days, so
   * that the four steps span exactly one year of 365.25 days.
   *
   *   returns r = +0.10, −0.10, +0.10, +0.10                      (110/100, 99/110, 108.9/99, 119.79/108.9)
   *   total return = 119.79 / 100 − 1 = 0.1979; over one year CAGR = 0.1979 as well
   *   mean(r) = 0.2 / 4 = 0.05
   *   deviations 0.05, −0.15, 0.05, 0.05 → squares 0.0025, 0.0225, 0.0025, 0.0025 → sum 0.03
   *   sample variance 0.03 / 3 = 0.01 → s = 0.1 → Sharpe = 0.05 / 0.1 × √252 = 0.5 × 15.874507866 = 7.937253933
   *   downside: min(r, 0)² = 0, 0.01, 0, 0 → sum 0.01 / n = 4 → 0.0025 → DD = 0.05
   *            Sortino = 0.05 / 0.05 × √252 = 15.874507866
   *   max drawdown: peak 110, trough 99 → 11 / 110 = 0.1
   */
  @Test
  void metricsOfAHandComputedCurve() {
    List<EquityPoint> c = curve((long) (91.3125 * DAY), 100, 110, 99, 108.9, 119.79);
    double[] r = PerformanceMath.returns(PerformanceMath.daily(c));

    assertThat(r).containsExactly(new double[] {0.10, -0.10, 0.10, 0.10}, within(1e-12));
    assertThat(PerformanceMath.totalReturn(c)).isCloseTo(0.1979, within(1e-12));
    assertThat(PerformanceMath.cagr(c)).isCloseTo(0.1979, within(1e-12));
    assertThat(PerformanceMath.sharpe(r)).isCloseTo(7.937253933193772, within(1e-9));
    assertThat(PerformanceMath.sortino(r)).isCloseTo(15.874507866387544, within(1e-9));
    assertThat(PerformanceMath.maxDrawdown(c)).isCloseTo(0.1, within(1e-12));
  }

  /*
   * CAGR over two years: 100 → 121 in 730.5 days: (1.21)^(1/2) − 1 = 0.1.
   * Over half a year: 100 → 110 in 182.625 days: 1.1² − 1 = 0.21.
   */
  @Test
  void cagrUsesCalendarYearsOf365Point25Days() {
    assertThat(PerformanceMath.cagr(curve((long) (730.5 * DAY), 100, 121))).isCloseTo(0.1, within(1e-12));
    assertThat(PerformanceMath.cagr(curve((long) (182.625 * DAY), 100, 110))).isCloseTo(0.21, within(1e-12));
    assertThat(PerformanceMath.cagr(curve(DAY, 100))).isNaN();
  }

  /*
   * Intraday points are resampled to the last point of each UTC day before returns are taken:
   *   day 0: 100 (00:00), 130 (06:00), 104 (23:00) → 104
   *   day 1: 90 (10:00), 117 (20:00)               → 117
   *   day 2: 128.7 (01:00)                         → 128.7
   *   daily returns (from the last point of day 0, not from its first):
   *                  117/104 − 1 = 0.125, 128.7/117 − 1 = 0.1
   * Max drawdown uses every point: peak 130, trough 90 → 40 / 130 = 0.307692...
   */
  @Test
  void intradayEquityIsResampledToTheLastPointOfEachUtcDay() {
    List<EquityPoint> c = List.of(
        new EquityPoint(T0, 100, false),
        new EquityPoint(T0 + 6 * HOUR, 130, true),
        new EquityPoint(T0 + 23 * HOUR, 104, true),
        new EquityPoint(T0 + DAY + 10 * HOUR, 90, true),
        new EquityPoint(T0 + DAY + 20 * HOUR, 117, true),
        new EquityPoint(T0 + 2 * DAY + HOUR, 128.7, false));

    List<EquityPoint> daily = PerformanceMath.daily(c);

    assertThat(daily).extracting(EquityPoint::equity).containsExactly(104.0, 117.0, 128.7);
    assertThat(PerformanceMath.returns(daily)).containsExactly(new double[] {0.125, 0.1}, within(1e-12));
    assertThat(PerformanceMath.maxDrawdown(c)).isCloseTo(40.0 / 130, within(1e-12));
    // 4 of 6 points hold a position
    assertThat(PerformanceMath.exposure(c)).isCloseTo(4.0 / 6, within(1e-12));
  }

  @Test
  void undefinedRatiosAreNaN() {
    assertThat(PerformanceMath.sharpe(new double[] {0.01})).isNaN();
    assertThat(PerformanceMath.sharpe(new double[] {0.01, 0.01})).isNaN(); // no variation
    assertThat(PerformanceMath.sortino(new double[] {0.01, 0.02})).isNaN(); // no loss
    assertThat(PerformanceMath.sortino(new double[0])).isNaN();
    assertThat(PerformanceMath.maxDrawdown(List.of())).isNaN();
    assertThat(PerformanceMath.maxDrawdown(curve(DAY, 1, 2, 3))).isZero();
  }
}
