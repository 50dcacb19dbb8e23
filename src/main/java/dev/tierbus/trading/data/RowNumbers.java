package dev.tierbus.trading.data;

import java.util.regex.Pattern;

/**
 * Strict number reading for data rows: plain decimal notation with an optional exponent.
 * {@link Double#parseDouble} alone would also take {@code NaN}, {@code Infinity}, hex and a
 * trailing {@code d}, all of which are typos or garbage in a price file.
 */
final class RowNumbers {

  private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  private RowNumbers() {}

  /**
   * The value of field {@code column}.
   *
   * @throws IllegalArgumentException naming the column and the text
   */
  static double parse(String text, String column) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException(column + " is empty");
    }
    if (!DECIMAL.matcher(text).matches()) {
      throw new IllegalArgumentException(column + " '" + text + "' is not a number");
    }
    double v = Double.parseDouble(text);
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(column + " '" + text + "' is out of range");
    }
    return v;
  }

  /** A duration as a trader writes it: {@code 1D}, {@code 4h}, {@code 5min}, {@code 30s}, else milliseconds. */
  static String duration(long nanos) {
    for (Timeframe.Unit u : new Timeframe.Unit[] {Timeframe.Unit.DAY, Timeframe.Unit.HOUR, Timeframe.Unit.MINUTE,
        Timeframe.Unit.SECOND}) {
      if (nanos != 0 && nanos % u.nanos() == 0) {
        return nanos / u.nanos() + u.suffix();
      }
    }
    return nanos / 1_000_000.0 + "ms";
  }
}
