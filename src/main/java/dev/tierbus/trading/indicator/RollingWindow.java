package dev.tierbus.trading.indicator;

/**
 * Mean and population variance of the last {@code n} values, O(1) per value.
 *
 * <p>While filling, values are added with Welford's update; once full, the oldest value is
 * replaced by the newest with the sliding form of the same update:
 * <pre>
 *   mean' = mean + (x − x_old) / n
 *   M2'   = M2 + (x − x_old) · (x − mean' + x_old − mean)
 *   variance = M2 / n          (population: the window is the whole population)
 * </pre>
 * Sliding updates accumulate rounding error, so after every {@code n} replacements mean and M2
 * are recomputed exactly from the buffer (two passes over n values every n updates: still
 * O(1) amortised). Not thread-safe.
 */
public final class RollingWindow {

  private final double[] buffer;
  private int count;
  private int next;
  private int sinceRecompute;
  private double mean;
  private double m2;

  public RollingWindow(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("window length must be >= 1, was " + n);
    }
    this.buffer = new double[n];
  }

  /** Adds a value, dropping the oldest once the window is full. */
  public void add(double x) {
    int n = buffer.length;
    if (count < n) {
      buffer[next] = x;
      count++;
      double delta = x - mean;
      mean += delta / count;
      m2 += delta * (x - mean);
    } else {
      double old = buffer[next];
      buffer[next] = x;
      double newMean = mean + (x - old) / n;
      m2 += (x - old) * (x - newMean + old - mean);
      mean = newMean;
      if (++sinceRecompute == n) {
        recompute();
      }
    }
    next = next + 1 == n ? 0 : next + 1;
  }

  private void recompute() {
    sinceRecompute = 0;
    int n = buffer.length;
    double sum = 0;
    for (double v : buffer) {
      sum += v;
    }
    double m = sum / n;
    double s = 0;
    for (double v : buffer) {
      double d = v - m;
      s += d * d;
    }
    mean = m;
    m2 = s;
  }

  /** True once {@code n} values were added. */
  public boolean isFull() {
    return count == buffer.length;
  }

  public int length() {
    return buffer.length;
  }

  /** Values currently in the window (at most n). */
  public int count() {
    return count;
  }

  /** Mean of the values in the window. */
  public double mean() {
    return mean;
  }

  /** Population variance (divided by the number of values), never negative. */
  public double variance() {
    return count == 0 ? 0.0 : Math.max(0.0, m2 / count);
  }

  /** Population standard deviation. */
  public double std() {
    return Math.sqrt(variance());
  }
}
