package dev.tierbus.event.impl;

import java.util.ArrayList;
import java.util.HashMap;

/**
 * The encoder's per-message string table: each distinct string gets the next index from 1
 * (index 0 stands for null).
 *
 * <p>Seeded strings (the batch source) are known to the decoder from the message header and
 * are not written again with the entries.
 */
final class StringDictionary {

  private final HashMap<String, Integer> indexes = new HashMap<>();
  private final ArrayList<String> strings = new ArrayList<>();
  private int seeded;

  /** Adds a string the decoder learns from the header; call before any {@link #indexOf}. */
  void seed(String value) {
    indexOf(value);
    seeded = strings.size();
  }

  /** The index of {@code value}, adding it when new; 0 for null. */
  int indexOf(String value) {
    if (value == null) {
      return 0;
    }
    Integer index = indexes.get(value);
    if (index != null) {
      return index;
    }
    strings.add(value);
    int added = strings.size();
    indexes.put(value, added);
    return added;
  }

  /** Writes the count of unseeded entries and then each of them, in index order. */
  void writeEntries(BinaryWriter out) {
    out.writeCount(strings.size() - seeded);
    for (int i = seeded; i < strings.size(); i++) {
      out.writeString(strings.get(i));
    }
  }
}
