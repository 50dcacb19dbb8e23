package dev.tierbus.event;

import dev.tierbus.event.impl.EventWireFormat;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * The event-bus codec of an {@link EventBatch}, named {@value #NAME}: one binary message per
 * batch.
 *
 * <p>Local delivery passes the sent batch itself ({@link #transform} copies nothing). On the wire
 * a batch is a format version byte, its source, the event count, a string dictionary (source,
 * symbols, timeframes, header keys and values written once each, then referred to by a varint
 * index) and the events in order, ids and times as deltas from the previous event. A 1000-bar
 * batch over three symbols takes 49.7 bytes per event (40 of them the five doubles).
 *
 * <p>A decoded batch's {@link EventBatch#createdNanos()} is {@link System#nanoTime()} on the
 * receiving JVM at decoding time, not the sender's value: {@code nanoTime} is not comparable
 * across JVMs, so batch age on a receiver counts from arrival. Decoding refuses truncated or
 * corrupt input with an {@link IllegalArgumentException} naming the batch source and the event
 * index where it could.
 */
public final class EventBatchCodec implements MessageCodec<EventBatch, EventBatch> {

  /** The codec name on the event bus. */
  public static final String NAME = "tierbus-batch";

  /**
   * Appends the batch to {@code buffer} as one message.
   *
   * @throws IllegalArgumentException when a payload class has no registered codec, naming the
   *     event index and the class
   */
  @Override
  public void encodeToWire(Buffer buffer, EventBatch batch) {
    EventWireFormat.writeBatch(buffer, batch);
  }

  /**
   * Reads a batch written by {@link #encodeToWire} at {@code pos}; its {@code createdNanos} is
   * this JVM's {@link System#nanoTime()} now.
   *
   * @throws IllegalArgumentException when the input is truncated or corrupt, or has an unknown
   *     format version, event type or payload code
   */
  @Override
  public EventBatch decodeFromWire(int pos, Buffer buffer) {
    return EventWireFormat.readBatch(pos, buffer);
  }

  /** Returns {@code batch} itself: batches are immutable and shared by reference in a JVM. */
  @Override
  public EventBatch transform(EventBatch batch) {
    return batch;
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
