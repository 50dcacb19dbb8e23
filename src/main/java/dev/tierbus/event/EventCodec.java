package dev.tierbus.event;

import dev.tierbus.event.impl.EventWireFormat;

/**
 * The event-bus codec of a single {@link Event}, named {@value #NAME}.
 *
 * <p>Local delivery passes the sent instance itself ({@link #transform} copies nothing: events
 * are immutable). Across a cluster the event is written in a compact binary form (a
 * per-message string dictionary, varints, raw doubles); payloads are written by their
 * {@link PayloadCodec}, which must be registered on both nodes. Register it on a bus with
 * {@link EventCodecs#registerDefaults}.
 *
 * <p>{@link #encodeToWire} appends the event to the buffer; it throws an
 * {@link IllegalArgumentException} when the payload class has no registered codec.
 * {@link #decodeFromWire} reads an event written by it at the given position; it refuses
 * truncated or corrupt input, an unknown format version, event type or payload code with an
 * {@link IllegalArgumentException}.
 */
public final class EventCodec extends ImmutableMessageCodec<Event> {

  /** The codec name on the event bus. */
  public static final String NAME = "tierbus-event";

  public EventCodec() {
    super(NAME, EventWireFormat::writeEvent, EventWireFormat::readEvent);
  }
}
