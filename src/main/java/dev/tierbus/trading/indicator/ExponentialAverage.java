package dev.tierbus.trading.indicator;

/**
 * An exponential moving average of a stream of numbers, seeded with a simple average.
 *
 * <pre>
 *   α = 2 / (n + 1)
 *   EMA_{n−1} = (x_0 + … + x_{n−1}) / n              (first value: the SMA of the first n inputs)
 *   EMA_t     = EMA_{t−1} + α · (x_t − EMA_{t−1})      for t ≥ n
 * </pre>
 * No value before the n-th input. Not thread-safe. A building block for {@link EmaIndicator}
 * and {@link MacdIndicator}.
 */
public final class ExponentialAverage {

  private final int period;
  private final double alpha;
  private int count;
  private double sum;
  private double value = Double.NaN;

  public ExponentialAverage(int period) {
    if (period < 1) {
      throw new IllegalArgumentException("period must be >= 1, was " + period);
    }
    this.period = period;
    this.alpha = 2.0 / (period + 1);
  }

  /** Adds the next input; true when a value is available after it. */
  public boolean add(double x) {
    if (count < period) {
      sum += x;
      if (++count == period) {
        value = sum / period;
        return true;
      }
      return false;
    }
    value += alpha * (x - value);
    return true;
  }

  public boolean isReady() {
    return count == period;
  }

  /** The current average; NaN before warm-up. */
  public double value() {
    return value;
  }

  public int period() {
    return period;
  }
}
