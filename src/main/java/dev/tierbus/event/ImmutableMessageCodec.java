package dev.tierbus.event;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.util.function.BiConsumer;

/**
 * The event-bus plumbing the tierbus codecs share: a user codec (system codec id -1) of an
 * immutable type, named once, that passes the sent instance itself within a JVM
 * ({@link #transform} copies nothing) and writes and reads it on the wire with the functions it
 * is given.
 *
 * @param <T> the immutable type the codec carries
 */
abstract class ImmutableMessageCodec<T> implements MessageCodec<T, T> {

  /** Reads a value written at {@code pos} of {@code buffer}. */
  @FunctionalInterface
  interface WireReader<T> {
    T read(int pos, Buffer buffer);
  }

  private final String name;
  private final BiConsumer<Buffer, T> writer;
  private final WireReader<T> reader;

  ImmutableMessageCodec(String name, BiConsumer<Buffer, T> writer, WireReader<T> reader) {
    this.name = name;
    this.writer = writer;
    this.reader = reader;
  }

  /** Appends {@code value} to {@code buffer}. */
  @Override
  public final void encodeToWire(Buffer buffer, T value) {
    writer.accept(buffer, value);
  }

  /** Reads a value written by {@link #encodeToWire} at {@code pos}. */
  @Override
  public final T decodeFromWire(int pos, Buffer buffer) {
    return reader.read(pos, buffer);
  }

  /** Returns {@code value} itself: it is immutable and shared by reference in a JVM. */
  @Override
  public final T transform(T value) {
    return value;
  }

  @Override
  public final String name() {
    return name;
  }

  /** -1: a user codec. */
  @Override
  public final byte systemCodecID() {
    return -1;
  }
}
