package dev.tierbus.trading.risk;

import dev.tierbus.event.Direction;
import dev.tierbus.event.RiskAlert;
import dev.tierbus.trading.support.Decimals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sizes an entry and holds it to the limits of a {@link RiskConfig}.
 *
 * <pre>
 *   fixed_quantity:     q = quantity
 *   percent_of_equity:  q = percent/100 · equity / price
 *   all_in:             notional = cash (long) or equity (short);  q ≈ notional / price, resolved at the fill
 *   whole_units:        q = floor(q)
 *   max_position_pct:        q·price ≤ max_position_pct/100 · equity
 *   max_total_exposure_pct:  q·price ≤ max_total_exposure_pct/100 · equity − exposure of the other symbols
 * </pre>
 * {@code price} is the close of the bar the signal was computed on: with the default next-open
 * fills the order trades at the next open, so the sizes and limits are estimates at that close
 * (a notional order alone is exact: the broker resolves it at the fill price). An entry above a
 * limit is reduced to the limit, with an alert that says so; one that leaves nothing (or less than
 * one unit with whole units) is refused, with an alert. Comparisons allow a relative 1e-9 so that
 * rounding never makes a limit bind at exactly 100 %.
 */
final class PositionSizer {

  static final String MAX_POSITION = "max_position_pct";
  static final String MAX_EXPOSURE = "max_total_exposure_pct";
  static final String SIZING = "sizing";

  private static final double TOLERANCE = 1e-9;

  /** An entry: quantity (estimate for a notional order), notional or NaN, and the alerts raised. */
  record Entry(double quantity, double notional, List<RiskAlert> alerts) {
    boolean refused() {
      return !(quantity > 0);
    }
  }

  private final RiskConfig config;

  PositionSizer(RiskConfig config) {
    this.config = config;
  }

  /**
   * Sizes an entry in {@code symbol}.
   *
   * @param price the reference price (signal bar close), > 0
   * @param equity the account's equity now
   * @param cash the cash the entry may use (after the exit the same decision sends, if any)
   * @param otherExposure Σ |position value| of the other symbols, pending orders included
   */
  Entry size(String symbol, Direction direction, double price, double equity, double cash, double otherExposure) {
    List<RiskAlert> alerts = new ArrayList<>(2);
    double q;
    double notional = Double.NaN;
    switch (config.sizing().method()) {
      case FIXED_QUANTITY -> q = config.sizing().quantity();
      case PERCENT_OF_EQUITY -> q = config.sizing().percent() / 100.0 * equity / price;
      default -> {
        notional = direction == Direction.LONG ? cash : equity;
        q = notional > 0 ? notional / price : 0.0;
      }
    }
    q = units(q);
    if (!(q > 0)) {
      alerts.add(alert(SIZING, direction + " " + symbol + " refused: " + config.sizing() + " gives no quantity"
          + (config.sizing().method() == SizingMethod.ALL_IN ? " (cash " + money(cash) + ")" : "")
          + " at " + price(price) + (config.wholeUnits() ? " in whole units" : ""), symbol, q, 0, price, equity,
          Double.NaN));
      return new Entry(0, Double.NaN, alerts);
    }
    double cap = config.maxPositionPct() / 100.0 * equity;
    double limited = limit(MAX_POSITION, config.maxPositionPct(), symbol, direction, q, price, equity, cap,
        "would be " + pct(q * price / equity * 100) + " of equity " + money(equity) + ", above max_position_pct "
            + pct(config.maxPositionPct()), alerts);
    if (limited < q) {
      q = limited;
      notional = Double.isNaN(notional) ? notional : Math.min(notional, q * price);
    }
    if (q > 0) {
      double room = Math.max(0.0, config.maxTotalExposurePct() / 100.0 * equity - otherExposure);
      limited = limit(MAX_EXPOSURE, config.maxTotalExposurePct(), symbol, direction, q, price, equity, room,
          "with the other positions (" + money(otherExposure) + ") would make exposure "
              + pct((otherExposure + q * price) / equity * 100) + " of equity " + money(equity)
              + ", above max_total_exposure_pct " + pct(config.maxTotalExposurePct()), alerts);
      if (limited < q) {
        q = limited;
        notional = Double.isNaN(notional) ? notional : Math.min(notional, q * price);
      }
    }
    return new Entry(q, q > 0 ? notional : Double.NaN, alerts);
  }

  /** q, or the most that fits under {@code allowedValue} (0 when nothing does), alerting when it binds. */
  private double limit(String code, double limitPct, String symbol, Direction direction, double q, double price,
      double equity, double allowedValue, String why, List<RiskAlert> alerts) {
    if (q * price <= allowedValue * (1 + TOLERANCE)) {
      return q;
    }
    double allowed = units(Math.max(0.0, allowedValue) / price);
    String head = direction + " " + symbol + " " + qty(q) + " × " + price(price) + " = " + money(q * price) + " " + why;
    String outcome = allowed > 0 ? ": reduced to " + qty(allowed) : ": refused";
    alerts.add(alert(code, head + outcome, symbol, q, allowed > 0 ? allowed : 0, price, equity, limitPct));
    return allowed > 0 ? allowed : 0.0;
  }

  private double units(double q) {
    if (!(q > 0) || !Double.isFinite(q)) {
      return 0.0;
    }
    return config.wholeUnits() ? Math.floor(q * (1 + 1e-12)) : q;
  }

  private static RiskAlert alert(String code, String message, String symbol, double requested, double allowed,
      double price, double equity, double limitPct) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("symbol", symbol);
    details.put("requested_quantity", qty(requested));
    details.put("allowed_quantity", qty(allowed));
    details.put("price", price(price));
    details.put("equity", money(equity));
    if (!Double.isNaN(limitPct)) {
      details.put("limit_pct", pct(limitPct).replace("%", ""));
    }
    return new RiskAlert(code, message, details);
  }

  static String money(double v) {
    return Decimals.format(v, 2);
  }

  static String price(double v) {
    return Decimals.format(v, 4);
  }

  static String qty(double v) {
    return Decimals.format(v, 6);
  }

  static String pct(double v) {
    return Decimals.format(v, 2) + "%";
  }
}
