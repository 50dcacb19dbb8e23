package dev.tierbus.trading.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Bar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.MMAIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.GainIndicator;
import org.ta4j.core.indicators.helpers.LossIndicator;
import org.ta4j.core.indicators.helpers.TRIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.Num;

/**
 * Every indicator against ta4j 0.16 (an independent, widely used library) on the real GOOG
 * daily series (1047 bars), bar by bar.
 *
 * <p>What is compared, exactly: each of our values, from its first bar on, against the
 * reference at the same bar, within {@value #TOLERANCE} relative (absolute below 1, for
 * outputs that cross zero such as the MACD histogram: {@code |ours − ref| ≤ 1e-9 · max(|ref|, 1)}).
 * ta4j computes in {@code DecimalNum} (32 significant digits) from the file's decimal text.
 *
 * <ul>
 *   <li>SMA(20), Bollinger(20, 2): ta4j's {@code SMAIndicator}, {@code StandardDeviationIndicator}
 *       (population: divides by n) and Bollinger band indicators as they are, from bar 19.</li>
 *   <li>EMA(20), MACD(12, 26, 9), RSI(14), ATR(14): ta4j seeds its EMA and MMA (Wilder) recursions
 *       with the first input value at bar 0 and calls the bars before its unstable period
 *       unreliable; ours (TA-Lib's convention) seed with the simple mean of the first n inputs.
 *       So the reference is built from ta4j parts with that seed: ta4j's {@code SMAIndicator}
 *       gives the seed, and ta4j's {@code EMAIndicator} / {@code MMAIndicator} run the recursion
 *       on an input that starts with the seed and continues with the following inputs
 *       ({@link Seeded}). Inputs are ta4j's {@code ClosePriceIndicator}, {@code GainIndicator},
 *       {@code LossIndicator}, {@code TRIndicator}. RSI = 100 − 100 / (1 + avgGain / avgLoss)
 *       is then computed in {@code Num}. Compared from bar n−1 (EMA), n (RSI, ATR),
 *       slow + signal − 2 (MACD).</li>
 *   <li>And the unmodified ta4j {@code EMAIndicator}, {@code RSIIndicator}, {@code ATRIndicator},
 *       {@code MACDIndicator} (its line, and {@code EMAIndicator} of it as signal) from bar
 *       {@value #CONVERGED} on, where the seed's influence has decayed below 1e-19
 *       ((1 − α)^600 with α ≥ 1/14).</li>
 * </ul>
 */
class IndicatorReferenceTest {

  static final double TOLERANCE = 1e-9;
  static final int CONVERGED = 600;
  static final String GOOG = "market-data/goog_daily_2004-08-19_2008-10-14.csv";

  static List<Bar> bars;
  static BarSeries series;
  static ClosePriceIndicator close;

  /** Reads the GOOG file with a plain split (not the replay's reader): date,open,high,low,close,volume,adj_close. */
  @BeforeAll
  static void load() throws IOException {
    bars = new ArrayList<>();
    series = new BaseBarSeriesBuilder().withName("GOOG").build();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
        IndicatorReferenceTest.class.getClassLoader().getResourceAsStream(GOOG)), StandardCharsets.UTF_8))) {
      in.readLine();
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split(",");
        bars.add(new Bar("1D", Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
            Double.parseDouble(f[4]), Double.parseDouble(f[5])));
        series.addBar(LocalDate.parse(f[0]).plusDays(1).atStartOfDay(ZoneOffset.UTC), f[1], f[2], f[3], f[4], f[5]);
      }
    }
    assertThat(bars).hasSize(1047);
    close = new ClosePriceIndicator(series);
  }

  /** Our indicator's outputs after each bar, null where it has none. */
  static List<Map<String, Double>> ours(dev.tierbus.trading.indicator.Indicator indicator) {
    List<Map<String, Double>> out = new ArrayList<>();
    for (Bar b : bars) {
      out.add(indicator.update(b) ? indicator.values() : null);
    }
    return out;
  }

  /** Asserts that {@code output} of {@code ours} has no value before {@code first} and matches {@code ref} from there. */
  static void compare(List<Map<String, Double>> ours, String output, int first, int from, IntFunction<Num> ref) {
    for (int i = 0; i < bars.size(); i++) {
      if (i < first) {
        assertThat(ours.get(i)).as("no value before bar %d, at bar %d", first, i).isNull();
        continue;
      }
      assertThat(ours.get(i)).as("a value at bar %d", i).isNotNull();
      if (i < from) {
        continue;
      }
      double expected = ref.apply(i).doubleValue();
      double actual = ours.get(i).get(output);
      assertThat(Math.abs(actual - expected)).as("%s at bar %d: ours %s, reference %s", output, i, actual, expected)
          .isLessThanOrEqualTo(TOLERANCE * Math.max(Math.abs(expected), 1.0));
    }
  }

  /**
   * The input of a recursion seeded with a simple mean: value 0 is {@code seed}, value j is
   * {@code input(start + j)}. A recursion over it at index j is the seeded recursion at bar
   * {@code start + j}.
   */
  static final class Seeded extends CachedIndicator<Num> {
    private final Num seed;
    private final Indicator<Num> input;
    private final int start;

    Seeded(Num seed, Indicator<Num> input, int start) {
      super(input);
      this.seed = seed;
      this.input = input;
      this.start = start;
    }

    @Override
    protected Num calculate(int j) {
      return j == 0 ? seed : input.getValue(start + j);
    }

    @Override
    public int getUnstableBars() {
      return 0;
    }
  }

  /** ta4j's EMA of {@code input} seeded with ta4j's SMA of its values at start−n+1..start; index = bar − start. */
  static EMAIndicator seededEma(Indicator<Num> input, int n, int start) {
    return new EMAIndicator(new Seeded(new SMAIndicator(input, n).getValue(start), input, start), n);
  }

  /** ta4j's MMA (Wilder) of {@code input} seeded with the SMA of its values at 1..n; index = bar − n. */
  static MMAIndicator seededWilder(Indicator<Num> input, int n) {
    return new MMAIndicator(new Seeded(new SMAIndicator(input, n).getValue(n), input, n), n);
  }

  @Test
  void smaMatchesTa4j() {
    SMAIndicator sma = new SMAIndicator(close, 20);
    compare(ours(new SmaIndicator(20)), "value", 19, 19, sma::getValue);
  }

  @Test
  void emaMatchesTa4jWithTheSmaSeedAndTa4jItselfOnceTheSeedHasDecayed() {
    List<Map<String, Double>> ema = ours(new EmaIndicator(20));
    EMAIndicator seeded = seededEma(close, 20, 19);
    compare(ema, "value", 19, 19, i -> seeded.getValue(i - 19));
    EMAIndicator plain = new EMAIndicator(close, 20);
    compare(ema, "value", 19, CONVERGED, plain::getValue);
  }

  @Test
  void rsiMatchesTa4jWithWildersSeedAndTa4jItselfOnceTheSeedHasDecayed() {
    List<Map<String, Double>> rsi = ours(new RsiIndicator(14));
    MMAIndicator gain = seededWilder(new GainIndicator(close), 14);
    MMAIndicator loss = seededWilder(new LossIndicator(close), 14);
    compare(rsi, "value", 14, 14, i -> {
      Num g = gain.getValue(i - 14);
      Num l = loss.getValue(i - 14);
      Num hundred = series.numOf(100);
      return l.isZero() ? hundred : hundred.minus(hundred.dividedBy(series.numOf(1).plus(g.dividedBy(l))));
    });
    RSIIndicator plain = new RSIIndicator(close, 14);
    compare(rsi, "value", 14, CONVERGED, plain::getValue);
  }

  @Test
  void macdMatchesTa4jPartsWithSmaSeedsForBothEmasAndTheSignal() {
    List<Map<String, Double>> macd = ours(new MacdIndicator(12, 26, 9));
    EMAIndicator fast = seededEma(close, 12, 11);
    EMAIndicator slow = seededEma(close, 26, 25);
    // the MACD line as a ta4j indicator over bars (0 before bar 25, where it does not exist)
    Indicator<Num> line = new CachedIndicator<>(series) {
      @Override
      protected Num calculate(int i) {
        return i < 25 ? numOf(0) : fast.getValue(i - 11).minus(slow.getValue(i - 25));
      }

      @Override
      public int getUnstableBars() {
        return 25;
      }
    };
    // signal seeded with the SMA of the MACD line at bars 25..33
    EMAIndicator signal = seededEma(line, 9, 33);
    compare(macd, "macd", 33, 33, line::getValue);
    compare(macd, "signal", 33, 33, i -> signal.getValue(i - 33));
    compare(macd, "histogram", 33, 33, i -> line.getValue(i).minus(signal.getValue(i - 33)));

    MACDIndicator plainLine = new MACDIndicator(close, 12, 26);
    EMAIndicator plainSignal = new EMAIndicator(plainLine, 9);
    compare(macd, "macd", 33, CONVERGED, plainLine::getValue);
    compare(macd, "signal", 33, CONVERGED, plainSignal::getValue);
  }

  @Test
  void bollingerMatchesTa4jWithThePopulationStandardDeviation() {
    List<Map<String, Double>> bb = ours(new BollingerBandsIndicator(20, 2.0));
    BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
    StandardDeviationIndicator sd = new StandardDeviationIndicator(close, 20);
    BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(middle, sd, series.numOf(2));
    BollingerBandsLowerIndicator lower = new BollingerBandsLowerIndicator(middle, sd, series.numOf(2));
    compare(bb, "middle", 19, 19, middle::getValue);
    compare(bb, "upper", 19, 19, upper::getValue);
    compare(bb, "lower", 19, 19, lower::getValue);
  }

  @Test
  void atrMatchesTa4jWithWildersSeedAndTa4jItselfOnceTheSeedHasDecayed() {
    List<Map<String, Double>> atr = ours(new AtrIndicator(14));
    MMAIndicator seeded = seededWilder(new TRIndicator(series), 14);
    compare(atr, "value", 14, 14, i -> seeded.getValue(i - 14));
    ATRIndicator plain = new ATRIndicator(series, 14);
    compare(atr, "value", 14, CONVERGED, plain::getValue);
  }
}
