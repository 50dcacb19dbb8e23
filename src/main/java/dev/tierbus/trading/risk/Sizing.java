package dev.tierbus.trading.risk;

import java.util.Objects;

/**
 * Position sizing: {@code sizing: {method, quantity | percent}}.
 *
 * @param method how
 * @param quantity units per entry (fixed_quantity), NaN otherwise
 * @param percent percent of equity per entry (percent_of_equity), NaN otherwise
 */
public record Sizing(SizingMethod method, double quantity, double percent) {

  /** The default: 10 % of equity per entry. */
  public static final Sizing DEFAULT = percentOfEquity(10.0);

  public Sizing {
    Objects.requireNonNull(method, "method");
    if (method == SizingMethod.FIXED_QUANTITY && !(quantity > 0 && Double.isFinite(quantity))) {
      throw new IllegalArgumentException("sizing.quantity must be > 0, was " + quantity);
    }
    if (method == SizingMethod.PERCENT_OF_EQUITY && !(percent > 0 && Double.isFinite(percent))) {
      throw new IllegalArgumentException("sizing.percent must be > 0, was " + percent);
    }
  }

  public static Sizing fixedQuantity(double quantity) {
    return new Sizing(SizingMethod.FIXED_QUANTITY, quantity, Double.NaN);
  }

  public static Sizing percentOfEquity(double percent) {
    return new Sizing(SizingMethod.PERCENT_OF_EQUITY, Double.NaN, percent);
  }

  public static Sizing allIn() {
    return new Sizing(SizingMethod.ALL_IN, Double.NaN, Double.NaN);
  }

  @Override
  public String toString() {
    return switch (method) {
      case FIXED_QUANTITY -> "fixed_quantity " + quantity;
      case PERCENT_OF_EQUITY -> "percent_of_equity " + percent + "%";
      case ALL_IN -> "all_in";
    };
  }
}
