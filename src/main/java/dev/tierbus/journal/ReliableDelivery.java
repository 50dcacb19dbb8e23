package dev.tierbus.journal;

import dev.tierbus.event.Event;
import java.util.Map;
import java.util.Optional;

/**
 * What the reliable tier tells a handler about one delivery, carried in the event's headers.
 *
 * <p>A handler runs again for the same delivery id only after its confirmation was lost in a
 * crash: such deliveries (and every retry) come with {@code redelivered} set, so a handler
 * with durable state can skip what it has already applied.
 *
 * @param deliveryId the journal's id of this (event, subscriber) delivery; the same on every
 *     attempt and after a restart
 * @param attempt 1 for the first attempt in this process, then 2, 3, ...
 * @param redelivered true when the handler may have seen this delivery before (a retry, or a
 *     delivery recovered from the journal after a restart)
 */
public record ReliableDelivery(long deliveryId, int attempt, boolean redelivered) {

  /** Header holding the delivery id. */
  public static final String DELIVERY_ID = "tierbus.delivery_id";
  /** Header holding the attempt number. */
  public static final String ATTEMPT = "tierbus.attempt";
  /** Header holding {@code true} or {@code false}. */
  public static final String REDELIVERED = "tierbus.redelivered";

  /** The delivery an event came with, or empty when it did not come through the reliable tier. */
  public static Optional<ReliableDelivery> of(Event event) {
    String id = event.headers().get(DELIVERY_ID);
    if (id == null) {
      return Optional.empty();
    }
    String attempt = event.headers().get(ATTEMPT);
    return Optional.of(new ReliableDelivery(Long.parseLong(id), attempt == null ? 1 : Integer.parseInt(attempt),
        Boolean.parseBoolean(event.headers().get(REDELIVERED))));
  }

  /** {@code event} with this delivery in its headers (its other headers kept). */
  public Event stamp(Event event) {
    Map<String, String> headers;
    if (event.headers().isEmpty()) {
      headers = Map.of(DELIVERY_ID, Long.toString(deliveryId), ATTEMPT, Integer.toString(attempt),
          REDELIVERED, Boolean.toString(redelivered));
    } else {
      java.util.HashMap<String, String> h = new java.util.HashMap<>(event.headers());
      h.put(DELIVERY_ID, Long.toString(deliveryId));
      h.put(ATTEMPT, Integer.toString(attempt));
      h.put(REDELIVERED, Boolean.toString(redelivered));
      headers = h;
    }
    return new Event(event.id(), event.type(), event.source(), event.symbol(), event.timeNanos(), event.payload(),
        headers);
  }
}
