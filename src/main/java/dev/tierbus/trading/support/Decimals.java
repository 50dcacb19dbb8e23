package dev.tierbus.trading.support;

/**
 * Appends numbers with a fixed number of decimals, for human-readable signal reasons.
 *
 * <p>Cheaper than {@code String.format} (no pattern parsing, no Formatter), which matters
 * because strategies describe every signal they emit.
 */
public final class Decimals {

  private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  private Decimals() {}

  /**
   * Appends {@code value} rounded half-up to {@code decimals} (0..6) places; NaN and
   * infinities and values too large for a long are appended as Java prints them.
   */
  public static StringBuilder append(StringBuilder sb, double value, int decimals) {
    if (decimals < 0 || decimals >= POW10.length) {
      throw new IllegalArgumentException("decimals must be in [0, 6], was " + decimals);
    }
    long scale = POW10[decimals];
    if (!Double.isFinite(value) || Math.abs(value) * scale >= 9.0e18) {
      return sb.append(value);
    }
    long scaled = Math.round(Math.abs(value) * scale);
    if (value < 0 && scaled != 0) {
      sb.append('-');
    }
    sb.append(scaled / scale);
    if (decimals > 0) {
      sb.append('.');
      String frac = Long.toString(scaled % scale);
      for (int i = frac.length(); i < decimals; i++) {
        sb.append('0');
      }
      sb.append(frac);
    }
    return sb;
  }

  /** Like {@link #append} with a leading {@code +} for positive values. */
  public static StringBuilder appendSigned(StringBuilder sb, double value, int decimals) {
    if (value > 0 && Math.round(value * POW10[Math.max(0, Math.min(decimals, 6))]) != 0) {
      sb.append('+');
    }
    return append(sb, value, decimals);
  }

  /** {@code value} with {@code decimals} places, as a string. */
  public static String format(double value, int decimals) {
    return append(new StringBuilder(16), value, decimals).toString();
  }
}
