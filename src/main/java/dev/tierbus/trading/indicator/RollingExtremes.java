package dev.tierbus.trading.indicator;

/**
 * Highest and lowest of the last {@code n} values, O(1) amortised per value.
 *
 * <p>Two monotonic queues of positions (Lemire's streaming min/max): the max queue keeps
 * positions whose values decrease from head to tail, so its head is the window's maximum; a
 * new value evicts every smaller one from the tail, and the head leaves when it falls out of
 * the window. Same for the minimum. Each value enters and leaves each queue once. Not
 * thread-safe.
 */
public final class RollingExtremes {

  private final int n;
  private final double[] values;
  private final long[] maxQueue;
  private final long[] minQueue;
  private long maxHead;
  private long maxTail;
  private long minHead;
  private long minTail;
  private long count;

  public RollingExtremes(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("window length must be >= 1, was " + n);
    }
    this.n = n;
    this.values = new double[n];
    this.maxQueue = new long[n + 1];
    this.minQueue = new long[n + 1];
  }

  /** Adds a value, dropping the oldest once the window is full. */
  public void add(double x) {
    long pos = count++;
    values[(int) (pos % n)] = x;
    long oldest = pos - n + 1;
    while (maxTail > maxHead && value(maxQueue, maxTail - 1) <= x) {
      maxTail--;
    }
    maxQueue[(int) (maxTail++ % (n + 1))] = pos;
    while (position(maxQueue, maxHead) < oldest) {
      maxHead++;
    }
    while (minTail > minHead && value(minQueue, minTail - 1) >= x) {
      minTail--;
    }
    minQueue[(int) (minTail++ % (n + 1))] = pos;
    while (position(minQueue, minHead) < oldest) {
      minHead++;
    }
  }

  private long position(long[] queue, long index) {
    return queue[(int) (index % (n + 1))];
  }

  private double value(long[] queue, long index) {
    return values[(int) (position(queue, index) % n)];
  }

  /** True once {@code n} values were added. */
  public boolean isFull() {
    return count >= n;
  }

  public int length() {
    return n;
  }

  /** The highest value in the window; NaN when empty. */
  public double max() {
    return count == 0 ? Double.NaN : value(maxQueue, maxHead);
  }

  /** The lowest value in the window; NaN when empty. */
  public double min() {
    return count == 0 ? Double.NaN : value(minQueue, minHead);
  }
}
