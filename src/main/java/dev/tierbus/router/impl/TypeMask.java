package dev.tierbus.router.impl;

import dev.tierbus.event.EventType;
import java.util.Set;

/**
 * A set of event types as the bits of one {@code long} (bit = {@link EventType#code()}): tested
 * per event with a shift and an AND, never a lookup or an allocation.
 */
final class TypeMask {

  private TypeMask() {}

  static long bit(EventType type) {
    return 1L << type.code();
  }

  static long of(Set<EventType> types) {
    long m = 0;
    for (EventType t : types) {
      m |= bit(t);
    }
    return m;
  }
}
