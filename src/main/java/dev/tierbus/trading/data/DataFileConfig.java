package dev.tierbus.trading.data;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;

/**
 * One file of a replay ({@code files[i]} of a {@code data} container with {@code source: csv}).
 *
 * <pre>
 *   path           string     required   a filesystem path or classpath:market-data/&lt;file&gt;
 *   symbol         string     from the file name: the part before the first _ - . or space, upper-cased
 *   format         ohlcv | trades          detected from the header when absent
 *   timeframe      e.g. 1min, 1D           the container's timeframe; for ohlcv files with dates only, 1D
 *   timezone       e.g. America/New_York   UTC; the zone of times written without an offset
 *   publish_ticks  boolean    false      trades files: also publish each trade as a TICK
 * </pre>
 *
 * @param format null: detect from the header
 * @param timeframe null: the container's, or detected (see above)
 */
public record DataFileConfig(String path, String symbol, DataFormat format, Timeframe timeframe, ZoneId zone,
    boolean publishTicks) {

  public DataFileConfig {
    Objects.requireNonNull(path, "path");
    symbol = symbol == null ? symbolFromFileName(path) : symbol;
    zone = zone == null ? ZoneOffset.UTC : zone;
  }

  /** A file with every default. */
  public static DataFileConfig of(String path) {
    return new DataFileConfig(path, null, null, null, null, false);
  }

  /**
   * The symbol a file name implies: the part before the first {@code _}, {@code -}, {@code .}
   * or space, upper-cased ({@code goog_daily_2004.csv} is GOOG).
   */
  public static String symbolFromFileName(String path) {
    String name = DataPaths.fileName(path);
    int end = name.length();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_' || c == '-' || c == '.' || c == ' ') {
        end = i;
        break;
      }
    }
    String stem = name.substring(0, end);
    return stem.isEmpty() ? name.toUpperCase(Locale.ROOT) : stem.toUpperCase(Locale.ROOT);
  }

  public DataFileConfig withSymbol(String newSymbol) {
    return new DataFileConfig(path, newSymbol, format, timeframe, zone, publishTicks);
  }

  public DataFileConfig withFormat(DataFormat newFormat) {
    return new DataFileConfig(path, symbol, newFormat, timeframe, zone, publishTicks);
  }

  public DataFileConfig withTimeframe(Timeframe newTimeframe) {
    return new DataFileConfig(path, symbol, format, newTimeframe, zone, publishTicks);
  }

  public DataFileConfig withPublishTicks(boolean ticks) {
    return new DataFileConfig(path, symbol, format, timeframe, zone, ticks);
  }
}
