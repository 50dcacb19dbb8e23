package dev.tierbus.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable event that travels between components and containers.
 *
 * <p>Events are passed by reference inside a JVM, so every part of one (payload, headers)
 * must be immutable. Headers are optional and meant for rare metadata (tracing, causation);
 * the fast path never creates a header map.
 *
 * @param id event id, see {@link EventIds}
 * @param type what happened
 * @param source id of the container that published it (see {@link EventFields} for what a
 *     source, a symbol and a header may hold; a constructor refuses anything else)
 * @param symbol instrument symbol, or null for events about no instrument
 * @param timeNanos event time in nanoseconds since the epoch (UTC); market time for market
 *     data, so a replayed bar carries the time of the bar, not of the replay
 * @param payload the body; may be null for events that carry no data
 * @param headers optional metadata, never null (empty when absent)
 */
public record Event(
    long id,
    EventType type,
    String source,
    String symbol,
    long timeNanos,
    Payload payload,
    Map<String, String> headers) {

  public Event {
    Objects.requireNonNull(type, "type");
    EventFields.require("source", source, EventFields.MAX_SOURCE_LENGTH);
    EventFields.optional("symbol", symbol, EventFields.MAX_SYMBOL_LENGTH);
    if (headers == null || headers.isEmpty()) {
      headers = Map.of();
    } else {
      headers = Map.copyOf(headers);
      for (Map.Entry<String, String> h : headers.entrySet()) {
        EventFields.require("header key", h.getKey(), EventFields.MAX_HEADER_KEY_LENGTH);
        EventFields.require("header " + h.getKey(), h.getValue(), EventFields.MAX_HEADER_VALUE_LENGTH);
      }
    }
  }

  /** An event with a fresh id and no headers. */
  public static Event of(EventType type, String source, String symbol, long timeNanos, Payload payload) {
    return new Event(EventIds.next(), type, source, symbol, timeNanos, payload, Map.of());
  }

  /** The event time as an {@link Instant}. */
  public Instant time() {
    return Instant.ofEpochSecond(0, timeNanos);
  }

  /** This event as published by another source (same id, time and payload). */
  public Event withSource(String newSource) {
    return newSource.equals(source) ? this : new Event(id, type, newSource, symbol, timeNanos, payload, headers);
  }

  /** This event with one more header. */
  public Event withHeader(String key, String value) {
    java.util.HashMap<String, String> h = new java.util.HashMap<>(headers);
    h.put(key, value);
    return new Event(id, type, source, symbol, timeNanos, payload, h);
  }

  /** The payload cast to the expected type. */
  public <P extends Payload> P payloadAs(Class<P> type) {
    return type.cast(payload);
  }

  /** Nanoseconds since the epoch for an instant. */
  public static long nanos(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }
}
