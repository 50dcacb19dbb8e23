package dev.tierbus.backtest;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a backtest tells its user as it goes: a progress line every {@code intervalMs} of wall
 * time (the market date reached, bar times replayed and their rate; nothing on runs shorter
 * than one interval), and warnings as soon as they are known, each on a line of its own.
 */
public final class BacktestProgress {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  private final PrintStream out;
  private final long intervalNanos;
  private final long startNanos = System.nanoTime();
  private long nextNanos;
  private volatile long barTimes;
  private volatile long lastTimeNanos;
  private final List<String> warnings = new CopyOnWriteArrayList<>();

  public BacktestProgress(PrintStream out, long intervalMs) {
    this.out = out;
    this.intervalNanos = intervalMs * 1_000_000L;
    this.nextNanos = startNanos + intervalNanos;
  }

  /** A bar time is being replayed; called on the replay's context, one at a time. */
  void barTime(long timeNanos) {
    barTimes++;
    lastTimeNanos = timeNanos;
    long now = System.nanoTime();
    if (out != null && now >= nextNanos) {
      nextNanos = now + intervalNanos;
      double seconds = (now - startNanos) / 1e9;
      out.printf(Locale.ROOT, "backtest: at %s, %,d bar times in %.1f s (%,.0f/s)%n",
          DAY.format(Instant.ofEpochSecond(0, timeNanos)), barTimes, seconds, barTimes / seconds);
    }
  }

  /** Prints {@code warning: <text>} and keeps it. */
  public void warning(String text) {
    warnings.add(text);
    if (out != null) {
      out.println("warning: " + text);
    }
  }

  /** The warnings given so far, in order. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  public long barTimes() {
    return barTimes;
  }

  public long lastTimeNanos() {
    return lastTimeNanos;
  }
}
