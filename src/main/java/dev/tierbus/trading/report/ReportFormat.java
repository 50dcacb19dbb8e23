package dev.tierbus.trading.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the report writes numbers and times, so that the same result gives the same bytes on
 * every machine and JDK.
 *
 * <ul>
 *   <li>Numbers in report.json and the CSV files: the exact binary value rounded half-even to
 *       {@value #DECIMALS} decimal places, plain notation ({@code 100000.000000},
 *       {@code -0.012346}); negative zero is written as zero. NaN and infinities are
 *       {@code null} in JSON and an empty field in CSV.</li>
 *   <li>Times: ISO-8601 in UTC with a {@code Z}, seconds always shown, fractions only when not
 *       zero ({@code 2013-01-02T00:00:00Z}).</li>
 *   <li>The HTML page shows rounded figures for people (percentages with 2 decimals, money with
 *       2); the files above hold the precise ones.</li>
 * </ul>
 */
public final class ReportFormat {

  /** Decimal places of every number in report.json and the CSV files. */
  public static final int DECIMALS = 6;

  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

  private ReportFormat() {}

  /** {@code value} with {@value #DECIMALS} decimals, or null when it is not finite. */
  public static String number(double value) {
    return fixed(value, DECIMALS);
  }

  /** {@code value} rounded half-even to {@code decimals} places, or null when it is not finite. */
  public static String fixed(double value, int decimals) {
    if (!Double.isFinite(value)) {
      return null;
    }
    String s = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    return isZero(s) && s.startsWith("-") ? s.substring(1) : s;
  }

  private static boolean isZero(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '1' && c <= '9') {
        return false;
      }
    }
    return true;
  }

  /** ISO-8601 UTC time of epoch nanoseconds. */
  public static String time(long nanos) {
    Instant t = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    String base = ISO.format(t);
    int nano = t.getNano();
    if (nano == 0) {
      return base + "Z";
    }
    String frac = String.format(java.util.Locale.ROOT, "%09d", nano);
    int end = frac.length();
    while (frac.charAt(end - 1) == '0') {
      end--;
    }
    return base + "." + frac.substring(0, end) + "Z";
  }

  /** The UTC date of epoch nanoseconds, {@code 2013-01-02}. */
  public static String date(long nanos) {
    return DATE.format(Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L)));
  }

  /** A fraction as a percentage for people: {@code 0.12345 -> "12.35 %"}; "n/a" when not finite. */
  public static String percent(double fraction) {
    String s = fixed(fraction * 100.0, 2);
    return s == null ? "n/a" : s + " %";
  }

  /** A number for people with {@code decimals} places and thousands separators; "n/a" when not finite. */
  public static String human(double value, int decimals) {
    String s = fixed(value, decimals);
    if (s == null) {
      return "n/a";
    }
    boolean negative = s.startsWith("-");
    String digits = negative ? s.substring(1) : s;
    int dot = digits.indexOf('.');
    String whole = dot < 0 ? digits : digits.substring(0, dot);
    StringBuilder grouped = new StringBuilder(whole.length() + whole.length() / 3 + 4);
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        grouped.append(',');
      }
      grouped.append(whole.charAt(i));
    }
    return (negative ? "-" : "") + grouped + (dot < 0 ? "" : digits.substring(dot));
  }

  /** A JSON string literal. */
  public static String jsonString(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A CSV field: quoted when it holds a comma, a quote or a line break. */
  public static String csv(String s) {
    if (s == null) {
      return "";
    }
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  /** Text for HTML. */
  public static String html(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
