package dev.tierbus.event;

import java.util.Objects;

/**
 * An order to trade (payload of {@link EventType#ORDER}).
 *
 * @param orderId unique id of the order
 * @param side buy or sell
 * @param quantity positive quantity (fractional allowed)
 * @param limitPrice limit price, or NaN for a market order
 * @param reason why it was sent (signal, stop-loss, ...)
 */
public record Order(String orderId, Side side, double quantity, double limitPrice, String reason) implements Payload {
  public Order {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(side, "side");
    if (!(quantity > 0)) {
      throw new IllegalArgumentException("quantity must be > 0, was " + quantity);
    }
  }

  public boolean isMarket() {
    return Double.isNaN(limitPrice);
  }
}
