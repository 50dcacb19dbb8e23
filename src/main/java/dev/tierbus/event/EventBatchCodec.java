package dev.tierbus.event;

import dev.tierbus.event.impl.EventWireFormat;

/**
 * The event-bus codec of an {@link EventBatch}, named {@value #NAME}: one binary message per
 * batch.
 *
 * <p>Local delivery passes the sent batch itself ({@link #transform} copies nothing: batches are
 * immutable). On the wire a batch is a format version byte, its source, the event count, a
 * string dictionary (source, symbols, timeframes, header keys and values written once each, then
 * referred to by a varint index) and the events in order, ids and times as deltas from the
 * previous event. A 1000-bar batch over three symbols takes 49.7 bytes per event (40 of them the
 * five doubles).
 *
 * <p>{@link #encodeToWire} appends the batch to the buffer as one message; it throws an
 * {@link IllegalArgumentException} when a payload class has no registered codec, naming the
 * event index and the class. {@link #decodeFromWire} reads a batch written by it at the given
 * position; it refuses truncated or corrupt input, an unknown format version, event type or
 * payload code with an {@link IllegalArgumentException} naming the batch source and the event
 * index where it could.
 *
 * <p>A decoded batch's {@link EventBatch#createdNanos()} is {@link System#nanoTime()} on the
 * receiving JVM at decoding time, not the sender's value: {@code nanoTime} is not comparable
 * across JVMs, so batch age on a receiver counts from arrival.
 */
public final class EventBatchCodec extends ImmutableMessageCodec<EventBatch> {

  /** The codec name on the event bus. */
  public static final String NAME = "tierbus-batch";

  public EventBatchCodec() {
    super(NAME, EventWireFormat::writeBatch, EventWireFormat::readBatch);
  }
}
