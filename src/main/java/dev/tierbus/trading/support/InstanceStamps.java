package dev.tierbus.trading.support;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Short stamps that tell container instances apart, for ids that must never repeat — order ids
 * across redeploys and restarts of a node.
 *
 * <p>A stamp is the wall clock in milliseconds, in base 36 (8 characters for the coming
 * decades), raised to one more than the last stamp of this process when the clock has not
 * moved on: unique within a process, and across restarts as long as the clock does not go back
 * by more than the time between the two starts.
 */
public final class InstanceStamps {

  private static final AtomicLong LAST = new AtomicLong();

  private InstanceStamps() {}

  /** A stamp no earlier call of this process returned. */
  public static String next() {
    long now = System.currentTimeMillis();
    return Long.toString(LAST.updateAndGet(last -> Math.max(last + 1, now)), 36);
  }
}
