package dev.tierbus.api.impl;

import dev.tierbus.event.EventType;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What waits for a slow consumer: bounded, conflating. Used for the frames of one WebSocket
 * client and for the events waiting for the hub's fan-out.
 *
 * <p>While fewer than {@code capacity} items wait, every item is kept in order. Beyond that
 * the consumer is too slow: only the latest item per (type, symbol) is kept (after the ones
 * already queued), each item replaced or evicted is counted as dropped, and the next item
 * taken carries that count. At most {@code capacity} such latest items are kept; past that
 * the oldest is evicted. So memory is bounded by twice the capacity, plus the batches of
 * {@link #offerBatch} (bounded by their callers) not yet taken.
 *
 * <p>Thread-safe: router threads offer, the client's event loop takes. {@link #offer} returns
 * true exactly when the caller must schedule a flush (nothing was scheduled yet); the flush
 * calls {@link #poll} until it returns null, which clears the scheduled mark atomically.
 */
final class Outbox<T> {

  /** An item with the count of items dropped just before it. */
  record Taken<T>(T body, long dropped) {}

  private record Key(EventType type, String symbol) {}

  private final int capacity;
  private final ArrayDeque<T> ordered = new ArrayDeque<>();
  private final LinkedHashMap<Key, T> latest = new LinkedHashMap<>();
  /** Items of batches still queued in {@code ordered}: they take no room from single offers. */
  private int batched;
  private long droppedSinceLast;
  private long droppedTotal;
  private boolean scheduled;

  Outbox(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    }
    this.capacity = capacity;
  }

  /** Adds a frame; true when the caller must schedule a flush. */
  synchronized boolean offer(EventType type, String symbol, T body) {
    if (latest.isEmpty() && ordered.size() - batched < capacity) {
      ordered.add(body);
    } else if (latest.put(new Key(type, symbol), body) != null) {
      dropped(1);
    } else if (latest.size() > capacity) {
      Iterator<Map.Entry<Key, T>> eldest = latest.entrySet().iterator();
      eldest.next();
      eldest.remove();
      dropped(1);
    }
    return schedule();
  }

  /**
   * Adds a batch the consumer asked for (a WebSocket client's history), in order after what
   * is queued, never conflated and beside the capacity: its caller bounds its size. True when
   * the caller must schedule a flush.
   */
  synchronized boolean offerBatch(List<T> bodies) {
    if (bodies.isEmpty()) {
      return false;
    }
    ordered.addAll(bodies);
    batched += bodies.size();
    return schedule();
  }

  private boolean schedule() {
    if (scheduled) {
      return false;
    }
    scheduled = true;
    return true;
  }

  private void dropped(long n) {
    droppedSinceLast += n;
    droppedTotal += n;
  }

  /** The next frame, or null (and the scheduled mark cleared) when none waits. */
  synchronized Taken<T> poll() {
    T body = ordered.poll();
    if (body != null && batched > 0) {
      // the item taken may be a single offer queued before the batch: then the singles left
      // are over-counted by a few until the batch is out, so conflation may start a little early, never late
      batched--;
    }
    if (body == null && !latest.isEmpty()) {
      Iterator<Map.Entry<Key, T>> first = latest.entrySet().iterator();
      body = first.next().getValue();
      first.remove();
    }
    if (body == null) {
      scheduled = false;
      return null;
    }
    long dropped = droppedSinceLast;
    droppedSinceLast = 0;
    return new Taken<>(body, dropped);
  }

  synchronized int size() {
    return ordered.size() + latest.size();
  }

  synchronized long droppedTotal() {
    return droppedTotal;
  }
}
