package dev.tierbus.api.impl;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The latest events the WebSocket hub fanned out, a bounded ring per event type, for a
 * subscribe that asks for history.
 *
 * <p>Each event is kept with the hub's arrival number, so that a filter over several types
 * gets its events in the order the hub received them. A ring holds {@code size} events; the
 * oldest is overwritten. Recording is O(1) and allocates only a type's ring, once.
 *
 * <p>Not thread-safe: only the hub's context records, reads and clears, which is what makes
 * "history, then live" exact (no event in both, none in neither).
 */
final class EventHistory {

  private final int size;
  private final Event[][] events = new Event[32][];
  private final long[][] arrivals = new long[32][];
  /** Per type: where the next event goes. */
  private final int[] next = new int[32];
  /** Per type: events held (at most {@code size}). */
  private final int[] held = new int[32];
  private long arrival;

  /** @param size events kept per type; 0 keeps none */
  EventHistory(int size) {
    this.size = size;
  }

  void record(Event e) {
    if (size == 0) {
      return;
    }
    int t = e.type().code();
    Event[] ring = events[t];
    if (ring == null) {
      ring = events[t] = new Event[size];
      arrivals[t] = new long[size];
    }
    int i = next[t];
    ring[i] = e;
    arrivals[t][i] = ++arrival;
    next[t] = i + 1 == size ? 0 : i + 1;
    if (held[t] < size) {
      held[t]++;
    }
  }

  /** Forgets a type's events (the hub stopped following it: what it kept would have a gap). */
  void clear(EventType type) {
    int t = type.code();
    events[t] = null;
    arrivals[t] = null;
    next[t] = 0;
    held[t] = 0;
  }

  /** The last {@code n} kept events that {@code filter} accepts, oldest first. */
  List<Event> last(StreamFilter filter, int n) {
    record Found(long arrival, Event event) {}
    List<Found> found = new ArrayList<>();
    for (EventType type : filter.events()) {
      int t = type.code();
      Event[] ring = events[t];
      int taken = 0;
      for (int k = 0; k < held[t] && taken < n; k++) {
        int i = Math.floorMod(next[t] - 1 - k, size);
        if (filter.matches(ring[i])) {
          found.add(new Found(arrivals[t][i], ring[i]));
          taken++;
        }
      }
    }
    found.sort(Comparator.comparingLong(Found::arrival));
    List<Event> out = new ArrayList<>(Math.min(n, found.size()));
    for (int i = Math.max(0, found.size() - n); i < found.size(); i++) {
      out.add(found.get(i).event());
    }
    return out;
  }
}
