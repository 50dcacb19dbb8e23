package dev.tierbus.trading.indicator;

import dev.tierbus.event.Bar;
import java.util.Map;

/**
 * Simple moving average of closes: {@code SMA_t = (c_{t−n+1} + … + c_t) / n}.
 *
 * <p>First value with bar n (index n−1). Output {@code value}. Type {@code SMA}, parameter
 * {@code period} (default {@value #DEFAULT_PERIOD}).
 */
public final class SmaIndicator implements Indicator {

  public static final String NAME = "SMA";
  public static final int DEFAULT_PERIOD = 20;

  private final RollingWindow window;
  private final Map<String, Double> params;

  public SmaIndicator(int period) {
    this.window = new RollingWindow(period);
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
    return window.length();
  }

  @Override
  public boolean update(Bar bar) {
    window.add(bar.close());
    return window.isFull();
  }

  @Override
  public boolean isReady() {
    return window.isFull();
  }

  @Override
  public Map<String, Double> values() {
    Warmup.check(this);
    return Map.of("value", window.mean());
  }

  @Override
  public String toString() {
    return NAME + "(" + window.length() + ")";
  }
}
