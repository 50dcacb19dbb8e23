package dev.tierbus.event;

import dev.tierbus.event.impl.EventWireFormat;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * The event-bus codec of a single {@link Event}, named {@value #NAME}.
 *
 * <p>Local delivery passes the sent instance itself ({@link #transform} copies nothing: events
 * are immutable). Across a cluster the event is written in a compact binary form (a
 * per-message string dictionary, varints, raw doubles); payloads are written by their
 * {@link PayloadCodec}, which must be registered on both nodes. Decoding refuses truncated or
 * corrupt input with an {@link IllegalArgumentException}. Register it on a bus with
 * {@link EventCodecs#registerDefaults}.
 */
public final class EventCodec implements MessageCodec<Event, Event> {

  /** The codec name on the event bus. */
  public static final String NAME = "tierbus-event";

  /**
   * Appends the event to {@code buffer}.
   *
   * @throws IllegalArgumentException when its payload class has no registered codec
   */
  @Override
  public void encodeToWire(Buffer buffer, Event event) {
    EventWireFormat.writeEvent(buffer, event);
  }

  /**
   * Reads an event written by {@link #encodeToWire} at {@code pos}.
   *
   * @throws IllegalArgumentException when the input is truncated or corrupt, or has an unknown
   *     format version, event type or payload code
   */
  @Override
  public Event decodeFromWire(int pos, Buffer buffer) {
    return EventWireFormat.readEvent(pos, buffer);
  }

  /** Returns {@code event} itself: events are immutable and shared by reference in a JVM. */
  @Override
  public Event transform(Event event) {
    return event;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** -1: a user codec. */
  @Override
  public byte systemCodecID() {
    return -1;
  }
}
