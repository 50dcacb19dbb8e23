package dev.tierbus.trading.indicator;

import dev.tierbus.event.Bar;
import java.util.Map;

/**
 * Exponential moving average of closes, seeded with the SMA of the first n closes
 * (see {@link ExponentialAverage}): {@code EMA_t = EMA_{t−1} + 2/(n+1) · (c_t − EMA_{t−1})}.
 *
 * <p>First value with bar n (index n−1), equal to the SMA of bars 1..n. Output {@code value}.
 * Type {@code EMA}, parameter {@code period} (default {@value #DEFAULT_PERIOD}).
 */
public final class EmaIndicator implements Indicator {

  public static final String NAME = "EMA";
  public static final int DEFAULT_PERIOD = 20;

  private final ExponentialAverage ema;
  private final Map<String, Double> params;

  public EmaIndicator(int period) {
    this.ema = new ExponentialAverage(period);
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
    return ema.period();
  }

  @Override
  public boolean update(Bar bar) {
    return ema.add(bar.close());
  }

  @Override
  public boolean isReady() {
    return ema.isReady();
  }

  @Override
  public Map<String, Double> values() {
    Warmup.check(this);
    return Map.of("value", ema.value());
  }

  @Override
  public String toString() {
    return NAME + "(" + ema.period() + ")";
  }
}
