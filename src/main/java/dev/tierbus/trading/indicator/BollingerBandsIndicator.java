package dev.tierbus.trading.indicator;

import dev.tierbus.event.Bar;
import java.util.Map;

/**
 * Bollinger bands of closes.
 *
 * <pre>
 *   middle_t = SMA(c, n)_t
 *   σ_t      = sqrt( Σ (c_i − middle_t)² / n )   over the last n closes (population std, as Bollinger defines it)
 *   upper_t  = middle_t + k · σ_t
 *   lower_t  = middle_t − k · σ_t
 * </pre>
 * First value with bar n (index n−1). Outputs {@code upper}, {@code middle}, {@code lower}.
 * Type {@code BOLLINGER}, parameters {@code period} (default {@value #DEFAULT_PERIOD}) and
 * {@code k} (default {@value #DEFAULT_K}).
 */
public final class BollingerBandsIndicator implements Indicator {

  public static final String NAME = "BOLLINGER";
  public static final int DEFAULT_PERIOD = 20;
  public static final double DEFAULT_K = 2.0;

  private final RollingWindow window;
  private final double k;
  private final Map<String, Double> params;

  public BollingerBandsIndicator(int period, double k) {
    if (!(k > 0) || Double.isInfinite(k)) {
      throw new IllegalArgumentException("k must be a finite number > 0, was " + k);
    }
    this.window = new RollingWindow(period);
    this.k = k;
    this.params = Map.of("period", (double) period, "k", k);
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
    double middle = window.mean();
    double band = k * window.std();
    return Map.of("upper", middle + band, "middle", middle, "lower", middle - band);
  }

  @Override
  public String toString() {
    return NAME + "(" + window.length() + "," + k + ")";
  }
}
