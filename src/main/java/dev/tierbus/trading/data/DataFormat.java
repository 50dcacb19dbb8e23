package dev.tierbus.trading.data;

import java.util.Locale;

/** What the rows of a market-data file are ({@code files[i].format}). */
public enum DataFormat {
  /** One bar per row: time, open, high, low, close, volume. */
  OHLCV("ohlcv"),
  /** One trade per row: time, price, amount; aggregated into bars of the file's timeframe. */
  TRADES("trades");

  private final String configName;

  DataFormat(String configName) {
    this.configName = configName;
  }

  /** The name used in the topology file. */
  public String configName() {
    return configName;
  }

  /**
   * Parses {@code ohlcv} or {@code trades}, case-insensitively.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static DataFormat fromName(String name) {
    if (name != null) {
      String n = name.trim().toLowerCase(Locale.ROOT);
      for (DataFormat f : values()) {
        if (f.configName.equals(n)) {
          return f;
        }
      }
    }
    throw new IllegalArgumentException("'" + name + "' is not a data format, expected ohlcv or trades");
  }
}
