package dev.tierbus.trading.risk;

import dev.tierbus.event.Order;
import dev.tierbus.event.Side;

/** An order {@link RiskManager} sent that is not yet filled or rejected. */
final class PendingOrder {
  final String symbol;
  /** Quantity (an estimate for a notional order), negative for a sell. */
  final double signedQuantity;
  final boolean notional;
  double filled;

  PendingOrder(String symbol, Order order) {
    this.symbol = symbol;
    this.signedQuantity = order.side() == Side.BUY ? order.quantity() : -order.quantity();
    this.notional = order.isNotional();
  }

  /** True once {@code filled} covers the order (a notional order: at its first fill). */
  boolean done() {
    return notional || filled >= Math.abs(signedQuantity) * (1 - 1e-9);
  }

  /** What is still to be filled, signed. */
  double remaining() {
    return Math.signum(signedQuantity) * Math.max(0.0, Math.abs(signedQuantity) - filled);
  }
}
