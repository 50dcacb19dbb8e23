package dev.tierbus.event;

import java.util.Objects;

/** An execution of (part of) an order (payload of {@link EventType#FILL}). */
public record Fill(String orderId, Side side, double quantity, double price, double commission) implements Payload {
  public Fill {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(side, "side");
  }
}
