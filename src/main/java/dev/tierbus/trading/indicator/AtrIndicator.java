package dev.tierbus.trading.indicator;

import dev.tierbus.event.Bar;
import java.util.Map;

/**
 * Wilder's average true range.
 *
 * <pre>
 *   TR_t   = max(h_t − l_t, |h_t − c_{t−1}|, |l_t − c_{t−1}|)    for t ≥ 1 (bar 0 has no previous close)
 *   ATR_n  = (TR_1 + … + TR_n) / n                             (seed: simple mean of the first n true ranges)
 *   ATR_t  = (ATR_{t−1} · (n − 1) + TR_t) / n                  (Wilder's smoothing, α = 1/n)
 * </pre>
 * The first value comes at bar index n, as in TA-Lib (ta4j starts at bar 0 with h − l and
 * smooths from there, a different seed). Output {@code value}; type {@code ATR}, parameter
 * {@code period} (default {@value #DEFAULT_PERIOD}).
 */
public final class AtrIndicator implements Indicator {

  public static final String NAME = "ATR";
  public static final int DEFAULT_PERIOD = 14;

  private final int period;
  private final Map<String, Double> params;
  private int bars;
  private double previousClose;
  private double atr;

  public AtrIndicator(int period) {
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
    if (bars == 0) {
      previousClose = bar.close();
      bars = 1;
      return false;
    }
    double tr = Math.max(bar.high() - bar.low(),
        Math.max(Math.abs(bar.high() - previousClose), Math.abs(bar.low() - previousClose)));
    previousClose = bar.close();
    if (bars <= period) {
      atr += tr; // a sum until the n-th true range
      if (bars == period) {
        atr /= period;
      }
      bars++;
      return bars > period;
    }
    atr = (atr * (period - 1) + tr) / period;
    return true;
  }

  @Override
  public boolean isReady() {
    return bars > period;
  }

  /** The current ATR, in price units. */
  public double value() {
    Warmup.check(this);
    return atr;
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
