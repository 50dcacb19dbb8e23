package dev.tierbus.trading.indicator;

import dev.tierbus.event.Bar;
import java.util.Map;

/**
 * Wilder's relative strength index of closes.
 *
 * <pre>
 *   gain_t = max(c_t − c_{t−1}, 0)      loss_t = max(c_{t−1} − c_t, 0)      for t ≥ 1
 *   avgGain_n = (gain_1 + … + gain_n) / n                 (seed: simple average of the first n changes)
 *   avgGain_t = (avgGain_{t−1} · (n − 1) + gain_t) / n    (Wilder's smoothing, α = 1/n), same for losses
 *   RSI_t = 100 − 100 / (1 + avgGain_t / avgLoss_t)
 * </pre>
 * The first value comes at bar index n (the (n+1)-th bar, as n changes need n+1 closes),
 * as in TA-Lib and ta4j. When the average loss is 0 RSI is 100 (RS is infinite), also when
 * the average gain is 0 too (a flat series): one rule with no exception, the limit of the
 * formula as the loss goes to 0 (TA-Lib and ta4j return 0 for the flat case). Output
 * {@code value}; type {@code RSI},
 * parameter {@code period} (default {@value #DEFAULT_PERIOD}).
 */
public final class RsiIndicator implements Indicator {

  public static final String NAME = "RSI";
  public static final int DEFAULT_PERIOD = 14;

  private final int period;
  private final Map<String, Double> params;
  private int closes;
  private double previousClose;
  private double avgGain;
  private double avgLoss;

  public RsiIndicator(int period) {
    if (period < 1) {
      throw new IllegalArgumentException("period must be >= 1, was " + period);
    }
    this.period = period;
    this.params = Map.of("period", (double) period);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> params() {
    return params;
  }

  @Override
  public int warmUpBars() {
    return period + 1;
  }

  @Override
  public boolean update(Bar bar) {
    double close = bar.close();
    if (closes == 0) {
      previousClose = close;
      closes = 1;
      return false;
    }
    double change = close - previousClose;
    previousClose = close;
    double gain = change > 0 ? change : 0.0;
    double loss = change < 0 ? -change : 0.0;
    if (closes <= period) {
      // seeding: avgGain/avgLoss hold sums until the n-th change
      avgGain += gain;
      avgLoss += loss;
      if (closes == period) {
        avgGain /= period;
        avgLoss /= period;
      }
      closes++;
      return closes > period;
    }
    avgGain = (avgGain * (period - 1) + gain) / period;
    avgLoss = (avgLoss * (period - 1) + loss) / period;
    return true;
  }

  @Override
  public boolean isReady() {
    return closes > period;
  }

  /** The current RSI in [0, 100]. */
  public double value() {
    Warmup.check(this);
    if (avgLoss == 0.0) {
      return 100.0;
    }
    return 100.0 - 100.0 / (1.0 + avgGain / avgLoss);
  }

  @Override
  public Map<String, Double> values() {
    return Map.of("value", value());
  }

  @Override
  public String toString() {
    return NAME + "(" + period + ")";
  }
}
