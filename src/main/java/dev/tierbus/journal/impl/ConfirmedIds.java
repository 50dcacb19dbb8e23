package dev.tierbus.journal.impl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recent delivery ids one subscriber confirmed, at most {@code capacity} (oldest
 * forgotten first): a redelivery whose confirmation was lost on the way back is recognised
 * and not handed to the handler again. Redeliveries follow within a retry schedule, so a
 * window of recent ids covers them. Not thread-safe: the tier's context only.
 */
final class ConfirmedIds {

  private final LinkedHashMap<Long, Boolean> ids;

  ConfirmedIds(int capacity) {
    this.ids = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  void add(long id) {
    ids.put(id, Boolean.TRUE);
  }

  boolean contains(long id) {
    return ids.containsKey(id);
  }

  int size() {
    return ids.size();
  }
}
