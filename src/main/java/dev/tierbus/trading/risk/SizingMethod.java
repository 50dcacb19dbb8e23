package dev.tierbus.trading.risk;

import java.util.Locale;

/** How risk sizes an entry: {@code sizing.method}. */
public enum SizingMethod {
  /** A fixed number of units: {@code sizing.quantity}. */
  FIXED_QUANTITY("fixed_quantity"),
  /** {@code sizing.percent} of equity, valued at the signal bar's close. */
  PERCENT_OF_EQUITY("percent_of_equity"),
  /** All the cash (a long) or all the equity (a short), resolved at the fill price by the broker. */
  ALL_IN("all_in");

  private final String configName;

  SizingMethod(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }

  /** @throws IllegalArgumentException naming the value */
  public static SizingMethod fromName(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (SizingMethod m : values()) {
      if (m.configName.equals(n)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown sizing method '" + name
        + "', expected fixed_quantity, percent_of_equity or all_in");
  }
}
