package dev.tierbus.event;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An immutable, ordered batch of events from one source: the unit the fast tier delivers.
 *
 * <p>In-JVM one batch object is handed to every subscriber by reference; across nodes it is
 * written as one binary message ({@link EventBatchCodec}). The order of the events is the
 * order in which the source published them.
 */
public final class EventBatch {

  private final String source;
  private final Event[] events;
  private final int size;
  private final long createdNanos;

  /**
   * Wraps the first {@code size} events of {@code events}; the array is owned by the batch
   * from here on and must not be changed by the caller.
   *
   * @param createdNanos {@link System#nanoTime()} when the first event entered the batch
   */
  public EventBatch(String source, Event[] events, int size, long createdNanos) {
    this.source = Objects.requireNonNull(source, "source");
    this.events = Objects.requireNonNull(events, "events");
    if (size < 0 || size > events.length) {
      throw new IllegalArgumentException("size " + size + " out of [0, " + events.length + "]");
    }
    this.size = size;
    this.createdNanos = createdNanos;
  }

  /** Id of the container that published the events. */
  public String source() {
    return source;
  }

  public int size() {
    return size;
  }

  public Event get(int index) {
    Objects.checkIndex(index, size);
    return events[index];
  }

  /**
   * {@link System#nanoTime()} when the first event entered the batch, on this JVM (a batch
   * decoded from the wire carries its arrival time instead).
   */
  public long createdNanos() {
    return createdNanos;
  }

  public void forEach(Consumer<? super Event> action) {
    for (int i = 0; i < size; i++) {
      action.accept(events[i]);
    }
  }

  /** A copy of the events as an array. */
  public Event[] toArray() {
    return Arrays.copyOf(events, size);
  }

  @Override
  public String toString() {
    return "EventBatch[source=" + source + ", size=" + size + "]";
  }
}
