package dev.tierbus.router.impl;

import dev.tierbus.event.Event;

/**
 * A bounded FIFO of events with their enqueue time; many producers, one consumer at a time.
 *
 * <p>Overflow rule: {@link #offer} returns false when full and the caller counts the
 * rejection. Storage is preallocated: offering and draining never allocate.
 */
final class Mailbox {

  private final Event[] events;
  private final long[] enqueuedNanos;
  private int head;
  private int size;

  Mailbox(int capacity) {
    events = new Event[capacity];
    enqueuedNanos = new long[capacity];
  }

  /** Adds an event unless the mailbox is full. */
  synchronized boolean offer(Event event, long nowNanos) {
    if (size == events.length) {
      return false;
    }
    int tail = head + size;
    if (tail >= events.length) {
      tail -= events.length;
    }
    events[tail] = event;
    enqueuedNanos[tail] = nowNanos;
    size++;
    return true;
  }

  /** Moves up to {@code max} events (oldest first) into the given arrays; returns how many. */
  synchronized int drainTo(Event[] outEvents, long[] outNanos, int max) {
    int n = Math.min(max, size);
    for (int i = 0; i < n; i++) {
      outEvents[i] = events[head];
      outNanos[i] = enqueuedNanos[head];
      events[head] = null;
      if (++head == events.length) {
        head = 0;
      }
    }
    size -= n;
    return n;
  }

  synchronized int size() {
    return size;
  }

  int capacity() {
    return events.length;
  }
}
