package dev.tierbus.trading.data;

import java.util.Locale;

/**
 * What a replay does with a row it cannot read or that breaks a rule ({@code bad_rows}).
 *
 * <p>Bad rows are never turned into numbers: a row with a non-numeric or missing field, a
 * high below its low, an open or close outside [low, high], a negative volume or amount, or
 * a time that does not move forward within its file is either refused or skipped, and always
 * reported with its file and line.
 */
public enum BadRowPolicy {
  /**
   * The default: every file is read through once before the first bar is published, and any
   * bad row stops the container from starting, its message naming the file, the line and
   * what is wrong. A replay never dies half-way through on bad data.
   */
  FAIL("fail"),
  /**
   * Bad rows are left out; each is logged as a warning with its file and line (rate-limited
   * per file) and counted in {@link ReplaySummary#badRowsSkipped()}.
   */
  SKIP("skip");

  private final String configName;

  BadRowPolicy(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  /** Parses {@code fail} or {@code skip}, case-insensitively. */
  public static BadRowPolicy fromName(String name) {
    if (name != null) {
      String n = name.trim().toLowerCase(Locale.ROOT);
      for (BadRowPolicy p : values()) {
        if (p.configName.equals(n)) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException("'" + name + "' is not a bad-row policy, expected fail or skip");
  }
}
