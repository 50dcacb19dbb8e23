package dev.tierbus.event;

import java.util.Objects;

/** An execution of (part of) an order (payload of {@link EventType#FILL}). */
public record Fill(String orderId, Side side, double quantity, double price, double commission) implements Payload {
  public Fill {
    EventFields.require("orderId", orderId, EventFields.MAX_ID_LENGTH);
    Objects.requireNonNull(side, "side");
  }
}
