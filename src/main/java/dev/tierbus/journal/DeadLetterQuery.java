package dev.tierbus.journal;

import dev.tierbus.event.EventType;
import java.time.Instant;

/**
 * Which dead letters to list or replay: every non-null field must match; a page of
 * {@code limit} rows after {@code afterDeliveryId} in delivery-id order.
 *
 * @param subscriber subscriber container id, or null for any
 * @param type event type, or null for any
 * @param source publishing container id, or null for any
 * @param symbol symbol, or null for any
 * @param deadSince only letters that died at or after this instant, or null
 * @param deadBefore only letters that died before this instant, or null
 * @param afterDeliveryId paging cursor: only ids greater than this (0 from the start)
 * @param limit page size, 1 to {@value #MAX_LIMIT}
 */
public record DeadLetterQuery(
    String subscriber,
    EventType type,
    String source,
    String symbol,
    Instant deadSince,
    Instant deadBefore,
    long afterDeliveryId,
    int limit) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 10_000;

  public DeadLetterQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be in [1, " + MAX_LIMIT + "], was " + limit);
    }
    if (afterDeliveryId < 0) {
      throw new IllegalArgumentException("afterDeliveryId must be >= 0, was " + afterDeliveryId);
    }
  }

  /** Every dead letter, first page of {@value #DEFAULT_LIMIT}. */
  public static DeadLetterQuery all() {
    return new DeadLetterQuery(null, null, null, null, null, null, 0, DEFAULT_LIMIT);
  }

  public DeadLetterQuery withSubscriber(String value) {
    return new DeadLetterQuery(value, type, source, symbol, deadSince, deadBefore, afterDeliveryId, limit);
  }

  public DeadLetterQuery withType(EventType value) {
    return new DeadLetterQuery(subscriber, value, source, symbol, deadSince, deadBefore, afterDeliveryId, limit);
  }

  public DeadLetterQuery withSource(String value) {
    return new DeadLetterQuery(subscriber, type, value, symbol, deadSince, deadBefore, afterDeliveryId, limit);
  }

  public DeadLetterQuery withSymbol(String value) {
    return new DeadLetterQuery(subscriber, type, source, value, deadSince, deadBefore, afterDeliveryId, limit);
  }

  public DeadLetterQuery withDeadBetween(Instant since, Instant before) {
    return new DeadLetterQuery(subscriber, type, source, symbol, since, before, afterDeliveryId, limit);
  }

  public DeadLetterQuery after(long deliveryId) {
    return new DeadLetterQuery(subscriber, type, source, symbol, deadSince, deadBefore, deliveryId, limit);
  }

  public DeadLetterQuery withLimit(int value) {
    return new DeadLetterQuery(subscriber, type, source, symbol, deadSince, deadBefore, afterDeliveryId, value);
  }
}
