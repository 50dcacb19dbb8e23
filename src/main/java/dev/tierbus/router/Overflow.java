package dev.tierbus.router;

/**
 * What a subscription's full standard-tier queue does with one more event.
 *
 * <p>The fast tier always drops for a subscriber that falls behind, and the reliable tier
 * journals whatever happens; this rule is the standard tier's.
 */
public enum Overflow {
  /**
   * The publish fails with a {@link BackPressureException} naming the subscriber (the default):
   * the publisher learns that a subscriber is behind and may retry.
   */
  REFUSE,
  /**
   * The event is dropped for this subscriber alone and counted (the tier's {@code dropped}): for
   * an observer such as a dashboard, which must never slow the system it watches down.
   */
  DROP
}
