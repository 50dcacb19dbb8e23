package dev.tierbus.trading.execution;

import java.util.Locale;

/** When a market order fills: {@code fill_at} of the execution container. */
public enum FillTiming {
  /**
   * At the open of the first bar after the order's bar: the first BAR_OPEN of the symbol with a
   * later time, or the first such BAR (at its open) when the feed sends no BAR_OPEN.
   */
  NEXT_OPEN("next_open"),
  /** At the close of the order's own bar (the bar the signal was computed on). */
  CLOSE("close");

  private final String configName;

  FillTiming(String configName) {
    this.configName = configName;
  }

  /** The name in the topology file. */
  public String configName() {
    return configName;
  }

  /**
   * Parses {@code next_open} or {@code close} (case-insensitive; {@code open} is accepted for next_open).
   *
   * @throws IllegalArgumentException naming the value
   */
  public static FillTiming fromName(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "next_open", "open" -> NEXT_OPEN;
      case "close" -> CLOSE;
      default -> throw new IllegalArgumentException("unknown fill_at '" + name + "', expected next_open or close");
    };
  }
}
