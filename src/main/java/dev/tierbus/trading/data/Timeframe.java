package dev.tierbus.trading.data;

import java.time.Duration;
import java.util.Objects;

/**
 * A bar timeframe such as {@code 1s}, {@code 1min}, {@code 5min}, {@code 1h}, {@code 1D} or
 * {@code 1W}: a positive whole number followed by a unit.
 *
 * <p>Units are case-sensitive, as traders write them: {@code s} seconds, {@code min} minutes,
 * {@code h} hours, {@code D} days, {@code W} weeks. {@code m} is refused on purpose (minute or
 * month?). A day is 24 hours and a week 7 days of wall time: calendars and sessions are the
 * data source's business, not the timeframe's. {@link #toString()} gives the canonical
 * spelling, which is what bars carry in {@code Bar.timeframe}.
 *
 * @param amount how many units, at least 1
 * @param unit the unit
 */
public record Timeframe(long amount, Unit unit) {

  /** The units of a timeframe, each with its suffix. */
  public enum Unit {
    SECOND("s", 1_000_000_000L),
    MINUTE("min", 60_000_000_000L),
    HOUR("h", 3_600_000_000_000L),
    DAY("D", 86_400_000_000_000L),
    WEEK("W", 604_800_000_000_000L);

    private final String suffix;
    private final long nanos;

    Unit(String suffix, long nanos) {
      this.suffix = suffix;
      this.nanos = nanos;
    }

    public String suffix() {
      return suffix;
    }

    /** Length of one unit in nanoseconds. */
    public long nanos() {
      return nanos;
    }

    static Unit fromSuffix(String suffix) {
      for (Unit u : values()) {
        if (u.suffix.equals(suffix)) {
          return u;
        }
      }
      return null;
    }
  }

  public static final Timeframe ONE_MINUTE = new Timeframe(1, Unit.MINUTE);

  public Timeframe {
    Objects.requireNonNull(unit, "unit");
    if (amount < 1) {
      throw new IllegalArgumentException("timeframe amount must be >= 1, was " + amount);
    }
    Math.multiplyExact(amount, unit.nanos); // refuses a timeframe that does not fit in a long
  }

  /**
   * Parses {@code 1min}, {@code 15min}, {@code 1h}, {@code 1D}...
   *
   * @throws IllegalArgumentException naming the text and the accepted form
   */
  public static Timeframe parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("timeframe must not be null, " + EXPECTED);
    }
    String t = text.trim();
    int i = 0;
    while (i < t.length() && Character.isDigit(t.charAt(i))) {
      i++;
    }
    if (i == 0 || i == t.length()) {
      throw new IllegalArgumentException("timeframe '" + text + "' is not a number followed by a unit, " + EXPECTED);
    }
    Unit unit = Unit.fromSuffix(t.substring(i));
    if (unit == null) {
      throw new IllegalArgumentException("timeframe '" + text + "' has unknown unit '" + t.substring(i) + "', " + EXPECTED);
    }
    long amount;
    try {
      amount = Long.parseLong(t.substring(0, i));
      Math.multiplyExact(amount, unit.nanos);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("timeframe '" + text + "' is too long", e);
    }
    if (amount < 1) {
      throw new IllegalArgumentException("timeframe '" + text + "' must be at least 1 " + unit.suffix);
    }
    return new Timeframe(amount, unit);
  }

  private static final String EXPECTED =
      "expected <number><unit> with unit s, min, h, D or W (e.g. 1s, 1min, 5min, 1h, 1D, 1W)";

  /** Length in nanoseconds. */
  public long nanos() {
    return amount * unit.nanos;
  }

  public Duration duration() {
    return Duration.ofNanos(nanos());
  }

  /** The canonical spelling, e.g. {@code 5min}. */
  @Override
  public String toString() {
    return amount + unit.suffix;
  }
}
