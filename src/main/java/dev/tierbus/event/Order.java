package dev.tierbus.event;

import java.util.Objects;

/**
 * An order to trade (payload of {@link EventType#ORDER}).
 *
 * <p>An order is sized in one of two ways:
 * <ul>
 *   <li>by quantity ({@link #notional()} is NaN): trade exactly {@link #quantity()};</li>
 *   <li>by notional ({@link #isNotional()}): spend at most {@link #notional()} in cash,
 *       commission included, at the price the order fills at — the broker works out the
 *       quantity then (rounded down to whole units when {@link #wholeUnits()}), so an order for
 *       "all the cash" never overspends when the price moves between the decision and the fill.
 *       {@link #quantity()} is then the sender's estimate at its reference price, for display and
 *       limit checks only.</li>
 * </ul>
 *
 * @param orderId unique id of the order
 * @param side buy or sell
 * @param quantity positive quantity (fractional allowed); an estimate for a notional order
 * @param limitPrice limit price, or NaN for a market order
 * @param reason why it was sent (signal, stop-loss, ...)
 * @param notional cash to spend, commission included, or NaN for an order by quantity
 * @param wholeUnits true when the quantity a notional order resolves to is rounded down to an integer
 */
public record Order(
    String orderId, Side side, double quantity, double limitPrice, String reason, double notional, boolean wholeUnits)
    implements Payload {

  public Order {
    EventFields.require("orderId", orderId, EventFields.MAX_ID_LENGTH);
    Objects.requireNonNull(side, "side");
    if (!(quantity > 0) || Double.isInfinite(quantity)) {
      throw new IllegalArgumentException("quantity must be > 0 and finite, was " + quantity);
    }
    if (!Double.isNaN(limitPrice) && !(limitPrice > 0 && Double.isFinite(limitPrice))) {
      throw new IllegalArgumentException("limitPrice must be NaN (market) or > 0 and finite, was " + limitPrice);
    }
    if (!Double.isNaN(notional) && !(notional > 0 && Double.isFinite(notional))) {
      throw new IllegalArgumentException("notional must be NaN (order by quantity) or > 0 and finite, was " + notional);
    }
  }

  /** An order by quantity: a market order when {@code limitPrice} is NaN. */
  public Order(String orderId, Side side, double quantity, double limitPrice, String reason) {
    this(orderId, side, quantity, limitPrice, reason, Double.NaN, false);
  }

  /** A market order by quantity. */
  public static Order market(String orderId, Side side, double quantity, String reason) {
    return new Order(orderId, side, quantity, Double.NaN, reason);
  }

  /**
   * A market order by notional.
   *
   * @param estimatedQuantity what {@code notional} buys at the sender's reference price
   */
  public static Order marketNotional(
      String orderId, Side side, double notional, double estimatedQuantity, boolean wholeUnits, String reason) {
    return new Order(orderId, side, estimatedQuantity, Double.NaN, reason, notional, wholeUnits);
  }

  public boolean isMarket() {
    return Double.isNaN(limitPrice);
  }

  /** True when the quantity is resolved from {@link #notional()} at the fill price. */
  public boolean isNotional() {
    return !Double.isNaN(notional);
  }
}
