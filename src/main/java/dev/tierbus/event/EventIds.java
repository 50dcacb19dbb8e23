package dev.tierbus.event;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates event ids: a random 16-bit process salt in the high bits and a 48-bit counter.
 *
 * <p>Ids are unique within a process and, with high probability, across the nodes of a
 * cluster. They are for tracing and causation links; the reliable tier assigns its own
 * delivery ids and does not depend on these being globally unique.
 */
public final class EventIds {

  private static final long SALT = ((long) new SecureRandom().nextInt(1 << 16)) << 48;
  private static final AtomicLong COUNTER = new AtomicLong();

  private EventIds() {}

  /** The next id of this process. */
  public static long next() {
    return SALT | (COUNTER.incrementAndGet() & 0xFFFF_FFFF_FFFFL);
  }
}
