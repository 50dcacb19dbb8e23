package dev.tierbus.journal.impl;

import dev.tierbus.event.Event;
import java.util.List;

/**
 * What the tier sends a subscriber: deliveries of one (subscriber, symbol) lane, in order.
 * The receiver handles them in order and stops at the first failure.
 */
record DeliveryRequest(String subscriber, List<Item> items) {

  /** One delivery: the event and what the handler is told about the attempt. */
  record Item(long deliveryId, int attempt, boolean redelivered, Event event) {}

  DeliveryRequest {
    items = List.copyOf(items);
  }
}
