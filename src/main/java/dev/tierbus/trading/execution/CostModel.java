package dev.tierbus.trading.execution;

import dev.tierbus.event.Side;

/**
 * What a fill costs beyond its price: commission and slippage.
 *
 * <pre>
 *   commission(q, p) = max(commission_min, q·p·commission_pct/100 + q·commission_per_share)     (0 for q = 0)
 *   slipped(BUY, p)  = p·(1 + slippage_bps/10 000)      a buyer pays more
 *   slipped(SELL, p) = p·(1 - slippage_bps/10 000)      a seller receives less
 * </pre>
 *
 * <p>{@link #affordableQuantity} is the inverse used by notional orders: the largest quantity
 * whose price plus commission fits in the notional.
 *
 * @param commissionPct commission as a percentage of the traded value (0.1 = 0.1 %)
 * @param commissionPerShare commission per unit traded
 * @param commissionMin smallest commission of a fill
 * @param slippageBps slippage in basis points of the reference price
 */
public record CostModel(double commissionPct, double commissionPerShare, double commissionMin, double slippageBps) {

  /** No commission, no slippage. */
  public static final CostModel FREE = new CostModel(0, 0, 0, 0);

  public CostModel {
    check("commission_pct", commissionPct);
    check("commission_per_share", commissionPerShare);
    check("commission_min", commissionMin);
    check("slippage_bps", slippageBps);
  }

  private static void check(String name, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be >= 0 and finite, was " + value);
    }
  }

  /** Commission of a fill of {@code quantity} at {@code price}. */
  public double commission(double quantity, double price) {
    if (!(quantity > 0)) {
      return 0.0;
    }
    return Math.max(commissionMin, quantity * price * commissionPct / 100.0 + quantity * commissionPerShare);
  }

  /** {@code price} moved against the trader by the slippage. */
  public double slipped(Side side, double price) {
    double f = slippageBps / 10_000.0;
    return side == Side.BUY ? price * (1.0 + f) : price * (1.0 - f);
  }

  /**
   * The largest quantity with {@code quantity·price + commission(quantity, price) <= notional},
   * rounded down to an integer when {@code wholeUnits}; 0 when not even a fraction (or one unit)
   * fits.
   */
  public double affordableQuantity(double notional, double price, boolean wholeUnits) {
    if (!(notional > 0) || !(price > 0)) {
      return 0.0;
    }
    double perUnit = price * (1.0 + commissionPct / 100.0) + commissionPerShare;
    double q = notional / perUnit;
    if (q * price * commissionPct / 100.0 + q * commissionPerShare < commissionMin) {
      q = (notional - commissionMin) / price;
    }
    if (!(q > 0)) {
      return 0.0;
    }
    if (wholeUnits) {
      q = Math.floor(q * (1.0 + 1e-12));
      while (q > 0 && cost(q, price) > notional) {
        q -= 1.0;
      }
      return Math.max(q, 0.0);
    }
    // Rounding may leave the cost an ulp above the notional: step down until it fits.
    for (int i = 0; i < 64 && q > 0 && cost(q, price) > notional; i++) {
      q = Math.nextDown(q) * (1.0 - 1e-15);
    }
    return q > 0 ? q : 0.0;
  }

  /** quantity·price + commission. */
  public double cost(double quantity, double price) {
    return quantity * price + commission(quantity, price);
  }
}
