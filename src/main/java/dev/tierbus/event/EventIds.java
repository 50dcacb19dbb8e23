package dev.tierbus.event;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates event ids: a random 16-bit process salt in the high bits and a 48-bit counter.
 *
 * <p>Ids are unique within a process and, with high probability, across the nodes of a
 * cluster. They are for tracing and causation links; the reliable tier assigns its own
 * delivery ids and does not depend on these being globally unique.
 *
 * <p>Each thread takes blocks of {@value #BLOCK} ids from a shared counter and hands them out
 * alone, so threads that create events at the same time do not contend on one cache line.
 * Ids therefore grow per thread, not across threads.
 */
public final class EventIds {

  static final int BLOCK = 4096;
  private static final long SALT = ((long) new SecureRandom().nextInt(1 << 16)) << 48;
  private static final long COUNTER_MASK = 0xFFFF_FFFF_FFFFL;
  private static final AtomicLong BLOCKS = new AtomicLong();
  private static final ThreadLocal<long[]> RANGE = ThreadLocal.withInitial(() -> new long[] {0, 0});

  private EventIds() {}

  /** The next id of this process. */
  public static long next() {
    long[] range = RANGE.get();
    if (range[0] == range[1]) {
      long start = BLOCKS.getAndIncrement() * BLOCK + 1;
      range[0] = start;
      range[1] = start + BLOCK;
    }
    return SALT | (range[0]++ & COUNTER_MASK);
  }
}
