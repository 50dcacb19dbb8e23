package dev.tierbus.trading.indicator;

import static dev.tierbus.trading.TradingTestSupport.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Indicator values on crafted series against values computed by hand (see each test). */
class IndicatorMathTest {

  private static final Offset<Double> EPS = within(1e-9);

  /** Feeds closes; returns the values after each bar, null where the indicator had none. */
  private static List<Map<String, Double>> run(Indicator indicator, double... closes) {
    List<Map<String, Double>> out = new ArrayList<>();
    for (double c : closes) {
      boolean ready = indicator.update(bar(c));
      assertThat(ready).isEqualTo(indicator.isReady());
      out.add(ready ? indicator.values() : null);
    }
    return out;
  }

  @Test
  void smaAveragesTheLastNCloses() {
    List<Map<String, Double>> v = run(new SmaIndicator(3), 2, 4, 6, 8, 3);
    assertThat(v.subList(0, 2)).containsOnlyNulls();
    assertThat(v.get(2).get("value")).isCloseTo(4.0, EPS);
    assertThat(v.get(3).get("value")).isCloseTo(6.0, EPS);
    assertThat(v.get(4).get("value")).isCloseTo(17.0 / 3, EPS);
  }

  @Test
  void emaIsSeededWithTheSmaOfTheFirstNCloses() {
    // α = 2/(3+1) = 0.5; seed (2+4+6)/3 = 4; 4 + 0.5·(8−4) = 6; 6 + 0.5·(3−6) = 4.5
    List<Map<String, Double>> v = run(new EmaIndicator(3), 2, 4, 6, 8, 3);
    assertThat(v.subList(0, 2)).containsOnlyNulls();
    assertThat(v.get(2).get("value")).isCloseTo(4.0, EPS);
    assertThat(v.get(3).get("value")).isCloseTo(6.0, EPS);
    assertThat(v.get(4).get("value")).isCloseTo(4.5, EPS);
  }

  @Test
  void rsiIsHundredWhenEveryCloseIsUp() {
    double[] closes = new double[30];
    for (int i = 0; i < closes.length; i++) {
      closes[i] = 100 + i;
    }
    List<Map<String, Double>> v = run(new RsiIndicator(14), closes);
    assertThat(v.subList(0, 14)).containsOnlyNulls();
    for (int i = 14; i < closes.length; i++) {
      assertThat(v.get(i).get("value")).isEqualTo(100.0);
    }
  }

  @Test
  void rsiIsHundredWhenNothingWasLostEvenOnAFlatSeriesAndZeroWhenEveryCloseIsDown() {
    assertThat(run(new RsiIndicator(2), 5, 5, 5, 5).get(3).get("value")).isEqualTo(100.0);
    assertThat(run(new RsiIndicator(2), 5, 4, 3, 2).get(3).get("value")).isEqualTo(0.0);
  }

  @Test
  void rsiUsesWilderSmoothingAfterASimpleSeed() {
    // changes +1 +1 −1 +2 −1
    // index 3: avgGain 2/3, avgLoss 1/3, RS 2 → 66.667
    // index 4: avgGain (2/3·2 + 2)/3 = 10/9, avgLoss (1/3·2)/3 = 2/9, RS 5 → 83.333
    // index 5: avgGain (10/9·2)/3 = 20/27, avgLoss (2/9·2 + 1)/3 = 13/27, RS 20/13 → 60.606
    List<Map<String, Double>> v = run(new RsiIndicator(3), 10, 11, 12, 11, 13, 12);
    assertThat(v.subList(0, 3)).containsOnlyNulls();
    assertThat(v.get(3).get("value")).isCloseTo(100 - 100 / 3.0, EPS);
    assertThat(v.get(4).get("value")).isCloseTo(100 - 100 / 6.0, EPS);
    assertThat(v.get(5).get("value")).isCloseTo(100 - 100 / (1 + 20 / 13.0), EPS);
  }

  @Test
  void macdFirstValueComesWhenTheSignalLineExists() {
    // fast EMA(2) α 2/3, slow EMA(3) α 1/2, signal EMA(2) of macd
    // macd: idx2 5/6, idx3 11/9, idx4 2.212963; signal: idx3 (5/6+11/9)/2 = 1.027778, idx4 1.817901
    MacdIndicator macd = new MacdIndicator(2, 3, 2);
    assertThat(macd.warmUpBars()).isEqualTo(4);
    List<Map<String, Double>> v = run(macd, 1, 2, 4, 8, 16);
    assertThat(v.subList(0, 3)).containsOnlyNulls();
    assertThat(v.get(3).get("macd")).isCloseTo(11.0 / 9, EPS);
    assertThat(v.get(3).get("signal")).isCloseTo(1.0277777777777777, EPS);
    assertThat(v.get(3).get("histogram")).isCloseTo(0.19444444444444445, EPS);
    assertThat(v.get(4).get("macd")).isCloseTo(2.212962962962963, EPS);
    assertThat(v.get(4).get("signal")).isCloseTo(1.8179012345679013, EPS);
    assertThat(v.get(4).get("histogram")).isCloseTo(0.3950617283950617, EPS);
  }

  @Test
  void macdDefaultsWarmUpAtBarIndex33() {
    MacdIndicator macd = new MacdIndicator(12, 26, 9);
    double[] closes = new double[40];
    for (int i = 0; i < closes.length; i++) {
      closes[i] = 100 + Math.sin(i);
    }
    List<Map<String, Double>> v = run(macd, closes);
    assertThat(v.subList(0, 33)).containsOnlyNulls();
    assertThat(v.subList(33, 40)).doesNotContainNull();
    assertThat(macd.params()).containsEntry("fast", 12.0).containsEntry("slow", 26.0).containsEntry("signal", 9.0);
  }

  @Test
  void bollingerUsesThePopulationStandardDeviation() {
    // 2 4 4 4 5 5 7 9: mean 5, population std exactly 2 (sample std would be 2.138)
    List<Map<String, Double>> v = run(new BollingerBandsIndicator(8, 2.0), 2, 4, 4, 4, 5, 5, 7, 9);
    assertThat(v.subList(0, 7)).containsOnlyNulls();
    assertThat(v.get(7).get("middle")).isCloseTo(5.0, EPS);
    assertThat(v.get(7).get("upper")).isCloseTo(9.0, EPS);
    assertThat(v.get(7).get("lower")).isCloseTo(1.0, EPS);
  }

  @Test
  void bollingerSlidesItsWindow() {
    // window 2,4,4,4 → mean 3.5, variance (2.25 + 3·0.25)/4 = 0.75
    List<Map<String, Double>> v = run(new BollingerBandsIndicator(4, 1.5), 9, 2, 4, 4, 4);
    double std = Math.sqrt(0.75);
    assertThat(v.get(4).get("middle")).isCloseTo(3.5, EPS);
    assertThat(v.get(4).get("upper")).isCloseTo(3.5 + 1.5 * std, EPS);
    assertThat(v.get(4).get("lower")).isCloseTo(3.5 - 1.5 * std, EPS);
  }

  @Test
  void atrSeedsWithTheMeanOfTheFirstNTrueRangesThenSmoothsLikeWilder() {
    // bars (h, l, c): (10,8,9) (11,9,10.5) (12,10,10) (10.5,7,8) (9,8.5,9)
    // TR1 = max(2, |11−9|, |9−9|) = 2; TR2 = max(2, |12−10.5|, |10−10.5|) = 2; TR3 = max(3.5, 0.5, 3) = 3.5
    // TR4 = max(0.5, |9−8|, |8.5−8|) = 1
    // ATR(3) at index 3 = (2 + 2 + 3.5) / 3 = 2.5; at index 4 = (2.5·2 + 1) / 3 = 2
    AtrIndicator atr = new AtrIndicator(3);
    double[][] hlc = {{10, 8, 9}, {11, 9, 10.5}, {12, 10, 10}, {10.5, 7, 8}, {9, 8.5, 9}};
    List<Double> out = new ArrayList<>();
    for (double[] b : hlc) {
      out.add(atr.update(new dev.tierbus.event.Bar("1D", b[2], b[0], b[1], b[2], 1)) ? atr.value() : null);
    }
    assertThat(out.subList(0, 3)).containsOnlyNulls();
    assertThat(out.get(3)).isCloseTo(2.5, EPS);
    assertThat(out.get(4)).isCloseTo(2.0, EPS);
    assertThat(atr).hasToString("ATR(3)");
  }

  @Test
  void noValueBeforeWarmUp() {
    Indicator[] all = {new SmaIndicator(5), new EmaIndicator(5), new RsiIndicator(5),
        new MacdIndicator(3, 5, 2), new BollingerBandsIndicator(5, 2), new AtrIndicator(5)};
    for (Indicator indicator : all) {
      for (int i = 1; i < indicator.warmUpBars(); i++) {
        assertThat(indicator.update(bar(100 + i))).as("%s after %d bars", indicator, i).isFalse();
        assertThatThrownBy(indicator::values).isInstanceOf(IllegalStateException.class);
      }
      assertThat(indicator.update(bar(200))).as("%s at warm-up", indicator).isTrue();
      assertThat(indicator.values()).isNotEmpty();
    }
  }

  @Test
  void toStringShowsTheParameters() {
    assertThat(new RsiIndicator(14)).hasToString("RSI(14)");
    assertThat(new MacdIndicator(12, 26, 9)).hasToString("MACD(12,26,9)");
    assertThat(new BollingerBandsIndicator(20, 2.0)).hasToString("BOLLINGER(20,2.0)");
  }

  @Test
  void rollingWindowMatchesATwoPassComputationOnALongSeries() {
    RollingWindow w = new RollingWindow(20);
    SplittableRandom random = new SplittableRandom(7);
    double[] recent = new double[20];
    for (int i = 0; i < 100_003; i++) {
      double x = 1000 + random.nextDouble() * 0.01; // large level, tiny spread: the hard case
      w.add(x);
      recent[i % 20] = x;
    }
    double mean = 0;
    for (double x : recent) {
      mean += x / 20;
    }
    double var = 0;
    for (double x : recent) {
      var += (x - mean) * (x - mean) / 20;
    }
    assertThat(w.mean()).isCloseTo(mean, within(1e-9));
    assertThat(w.variance()).isCloseTo(var, within(1e-12));
  }
}
