package dev.tierbus.trading.data;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the time column of one file; the format is detected once, from the file's first data
 * row, and every later row must use the same one.
 *
 * <table>
 *   <caption>formats</caption>
 *   <tr><th>first row looks like</th><th>read as</th></tr>
 *   <tr><td>{@code 2004-08-19}</td><td>ISO date: midnight of that day in the file's zone</td></tr>
 *   <tr><td>{@code 2013-11-25T10:00:00Z}, {@code 2013-11-25 10:00:00+01:00},
 *       {@code 2013-11-25T10:00}</td><td>ISO date-time; without an offset, in the file's zone</td></tr>
 *   <tr><td>digits, optionally with a fraction</td><td>epoch time, the unit told by the first
 *       row's magnitude: below 10<sup>11</sup> seconds, below 10<sup>14</sup> milliseconds,
 *       below 10<sup>17</sup> microseconds, else nanoseconds (10<sup>11</sup> s is the year
 *       5138, 10<sup>11</sup> ms is 1973: the ranges cannot be confused for market data)</td></tr>
 *   <tr><td>a header that is a strftime pattern, e.g. {@code "%Y-%m-%d"}</td><td>that pattern
 *       ({@code %Y %m %d %H %M %S %y %b}, other text literal), in the file's zone</td></tr>
 * </table>
 * The file's zone is {@code timezone} of the file entry, UTC by default.
 */
final class TimestampParser {

  /** The detected way a file writes its times. */
  enum Kind {
    ISO_DATE("ISO date (yyyy-MM-dd)"),
    ISO_DATE_TIME("ISO date-time"),
    EPOCH_SECONDS("epoch seconds"),
    EPOCH_MILLIS("epoch milliseconds"),
    EPOCH_MICROS("epoch microseconds"),
    EPOCH_NANOS("epoch nanoseconds"),
    PATTERN("the header's pattern");

    final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern ISO_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}.*");
  private static final Pattern EPOCH = Pattern.compile("\\d{1,19}(\\.\\d{1,9})?");

  private final Kind kind;
  private final ZoneId zone;
  private final DateTimeFormatter pattern;
  private final String patternText;

  private TimestampParser(Kind kind, ZoneId zone, DateTimeFormatter pattern, String patternText) {
    this.kind = kind;
    this.zone = zone;
    this.pattern = pattern;
    this.patternText = patternText;
  }

  /**
   * The parser for a file whose first time value is {@code sample}.
   *
   * @param strftime a pattern the header declared for the column, or null
   * @throws IllegalArgumentException when {@code sample} has none of the formats
   */
  static TimestampParser detect(String sample, ZoneId zone, String strftime) {
    if (strftime != null) {
      return new TimestampParser(Kind.PATTERN, zone, fromStrftime(strftime), strftime);
    }
    String s = sample.trim();
    if (ISO_DATE.matcher(s).matches()) {
      return new TimestampParser(Kind.ISO_DATE, zone, null, null);
    }
    if (ISO_DATE_TIME.matcher(s).matches()) {
      return new TimestampParser(Kind.ISO_DATE_TIME, zone, null, null);
    }
    if (EPOCH.matcher(s).matches()) {
      double magnitude = Double.parseDouble(s);
      Kind kind = magnitude < 1e11 ? Kind.EPOCH_SECONDS
          : magnitude < 1e14 ? Kind.EPOCH_MILLIS
          : magnitude < 1e17 ? Kind.EPOCH_MICROS : Kind.EPOCH_NANOS;
      return new TimestampParser(kind, zone, null, null);
    }
    throw new IllegalArgumentException("time '" + sample + "' is neither an ISO date (2004-08-19), an ISO date-time"
        + " (2013-11-25T10:00:00Z) nor epoch seconds or milliseconds");
  }

  Kind kind() {
    return kind;
  }

  /** True when the times carry no time of day (one value per calendar day). */
  boolean isDateOnly() {
    return kind == Kind.ISO_DATE || kind == Kind.PATTERN && !patternText.contains("%H");
  }

  /**
   * The time of {@code text} in nanoseconds since the epoch.
   *
   * @throws IllegalArgumentException naming the value and the file's format
   */
  long parse(String text) {
    String s = text.trim();
    try {
      switch (kind) {
        case ISO_DATE:
          return nanos(LocalDate.parse(s).atStartOfDay(zone).toInstant());
        case ISO_DATE_TIME:
          return parseDateTime(s);
        case PATTERN:
          return parsePattern(s);
        default:
          return parseEpoch(s);
      }
    } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("time '" + text + "' is not " + describe() + " like the file's first row");
    }
  }

  private String describe() {
    return kind == Kind.PATTERN ? "in the header's pattern " + patternText : kind.description;
  }

  private long parseDateTime(String s) {
    String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
    TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
    if (t instanceof OffsetDateTime odt) {
      return nanos(odt.toInstant());
    }
    return nanos(((LocalDateTime) t).atZone(zone).toInstant());
  }

  private long parsePattern(String s) {
    TemporalAccessor t = pattern.parse(s);
    LocalDate date = LocalDate.from(t);
    int hour = t.isSupported(ChronoField.HOUR_OF_DAY) ? t.get(ChronoField.HOUR_OF_DAY) : 0;
    int minute = t.isSupported(ChronoField.MINUTE_OF_HOUR) ? t.get(ChronoField.MINUTE_OF_HOUR) : 0;
    int second = t.isSupported(ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0;
    return nanos(date.atTime(hour, minute, second).atZone(zone).toInstant());
  }

  private long parseEpoch(String s) {
    if (!EPOCH.matcher(s).matches()) {
      throw new NumberFormatException(s);
    }
    long unitNanos = switch (kind) {
      case EPOCH_SECONDS -> 1_000_000_000L;
      case EPOCH_MILLIS -> 1_000_000L;
      case EPOCH_MICROS -> 1_000L;
      default -> 1L;
    };
    int dot = s.indexOf('.');
    if (dot < 0) {
      return Math.multiplyExact(Long.parseLong(s), unitNanos);
    }
    long whole = Math.multiplyExact(Long.parseLong(s.substring(0, dot)), unitNanos);
    String frac = s.substring(dot + 1);
    // the fraction in nanoseconds, exactly: digits × unit / 10^digits
    long fracNanos = Long.parseLong(frac) * unitNanos / (long) Math.pow(10, frac.length());
    return Math.addExact(whole, fracNanos);
  }

  private static long nanos(java.time.Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }

  /**
   * A formatter for a strftime pattern such as {@code %Y-%m-%d}.
   *
   * @throws IllegalArgumentException naming an unsupported directive
   */
  static DateTimeFormatter fromStrftime(String strftime) {
    DateTimeFormatterBuilder b = new DateTimeFormatterBuilder();
    for (int i = 0; i < strftime.length(); i++) {
      char c = strftime.charAt(i);
      if (c != '%') {
        b.appendLiteral(c);
        continue;
      }
      if (++i == strftime.length()) {
        throw new IllegalArgumentException("time pattern '" + strftime + "' ends with a lone %");
      }
      switch (strftime.charAt(i)) {
        case 'Y' -> b.appendValue(ChronoField.YEAR, 4);
        case 'y' -> b.appendValueReduced(ChronoField.YEAR, 2, 2, 2000);
        case 'm' -> b.appendValue(ChronoField.MONTH_OF_YEAR, 2);
        case 'd' -> b.appendValue(ChronoField.DAY_OF_MONTH, 2);
        case 'b' -> b.appendPattern("MMM");
        case 'H' -> b.appendValue(ChronoField.HOUR_OF_DAY, 2);
        case 'M' -> b.appendValue(ChronoField.MINUTE_OF_HOUR, 2);
        case 'S' -> b.appendValue(ChronoField.SECOND_OF_MINUTE, 2);
        case '%' -> b.appendLiteral('%');
        default -> throw new IllegalArgumentException("time pattern '" + strftime + "' has the directive %"
            + strftime.charAt(i) + ", expected one of %Y %y %m %d %b %H %M %S");
      }
    }
    return b.toFormatter(Locale.ROOT);
  }
}
