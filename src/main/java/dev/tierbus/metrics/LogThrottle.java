package dev.tierbus.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Says which occurrences of a repeating problem to log, so a failure that repeats a million
 * times writes a handful of lines: the first occurrence always, then either at most one per
 * interval ({@link #perInterval}) or the 2nd, 4th, 8th, ... ({@link #powersOfTwo}, no clock).
 * Every occurrence is counted; a logged line can say how many there were ({@link #count()}).
 * Thread-safe and allocation-free per occurrence.
 *
 * <pre>{@code
 * if (throttle.shouldLog()) {
 *   log.warn("fast tier: {} is too slow; dropped so far: {}", subscriber, throttle.count());
 * }
 * }</pre>
 */
public final class LogThrottle {

  private final long intervalNanos;
  private final LongAdder occurrences = new LongAdder();
  private final AtomicLong counted = new AtomicLong();
  private final AtomicLong lastLogged;

  private LogThrottle(long intervalNanos) {
    this.intervalNanos = intervalNanos;
    this.lastLogged = new AtomicLong(System.nanoTime() - Math.max(intervalNanos, 0));
  }

  /** The first occurrence, then at most one per {@code interval}. */
  public static LogThrottle perInterval(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be > 0, was " + interval);
    }
    return new LogThrottle(interval.toNanos());
  }

  /** The 1st, 2nd, 4th, 8th, ... occurrence: fewer and fewer lines, with no clock read. */
  public static LogThrottle powersOfTwo() {
    return new LogThrottle(-1);
  }

  /** Counts one occurrence; true when it is one to log. */
  public boolean shouldLog() {
    if (intervalNanos < 0) {
      long n = counted.incrementAndGet();
      return Long.bitCount(n) == 1;
    }
    occurrences.increment();
    long now = System.nanoTime();
    long last = lastLogged.get();
    return now - last >= intervalNanos && lastLogged.compareAndSet(last, now);
  }

  /** Occurrences counted so far. */
  public long count() {
    return intervalNanos < 0 ? counted.get() : occurrences.sum();
  }
}
