package dev.tierbus.trading.indicator;

import dev.tierbus.event.Bar;
import java.util.Map;

/**
 * Moving average convergence/divergence of closes.
 *
 * <pre>
 *   macd_t      = EMA_fast(c)_t − EMA_slow(c)_t        both EMAs seeded with the SMA of their first n closes
 *   signal_t    = EMA_signal(macd)_t                   seeded with the SMA of the first {@code signal} macd values
 *   histogram_t = macd_t − signal_t
 * </pre>
 * The MACD line exists from bar index slow−1; the first value is published when the signal
 * line exists too, at bar index {@code slow + signal − 2} (33 for 12/26/9, as TA-Lib's
 * lookback), so every value carries all three outputs {@code macd}, {@code signal},
 * {@code histogram}. Type {@code MACD}, parameters {@code fast} (default
 * {@value #DEFAULT_FAST}) &lt; {@code slow} (default {@value #DEFAULT_SLOW}), {@code signal}
 * (default {@value #DEFAULT_SIGNAL}).
 */
public final class MacdIndicator implements Indicator {

  public static final String NAME = "MACD";
  public static final int DEFAULT_FAST = 12;
  public static final int DEFAULT_SLOW = 26;
  public static final int DEFAULT_SIGNAL = 9;

  private final ExponentialAverage fast;
  private final ExponentialAverage slow;
  private final ExponentialAverage signal;
  private final Map<String, Double> params;
  private double macd = Double.NaN;

  public MacdIndicator(int fastPeriod, int slowPeriod, int signalPeriod) {
    if (fastPeriod >= slowPeriod) {
      throw new IllegalArgumentException("fast period must be < slow period, was " + fastPeriod + " >= " + slowPeriod);
    }
    this.fast = new ExponentialAverage(fastPeriod);
    this.slow = new ExponentialAverage(slowPeriod);
    this.signal = new ExponentialAverage(signalPeriod);
    this.params = Map.of("fast", (double) fastPeriod, "slow", (double) slowPeriod, "signal", (double) signalPeriod);
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
    return slow.period() + signal.period() - 1;
  }

  @Override
  public boolean update(Bar bar) {
    double close = bar.close();
    fast.add(close);
    if (!slow.add(close)) {
      return false;
    }
    macd = fast.value() - slow.value();
    return signal.add(macd);
  }

  @Override
  public boolean isReady() {
    return signal.isReady();
  }

  @Override
  public Map<String, Double> values() {
    Warmup.check(this);
    double s = signal.value();
    return Map.of("macd", macd, "signal", s, "histogram", macd - s);
  }

  @Override
  public String toString() {
    return NAME + "(" + fast.period() + "," + slow.period() + "," + signal.period() + ")";
  }
}
