package dev.tierbus.router;

/**
 * Keeps subscribers' reliable-tier routes while they are replaced (a container redeployed):
 * see {@link TieredEventRouter#holdReliableRoutes}.
 */
@FunctionalInterface
public interface RouteHold {

  /** Ends the hold: routes of subscriptions removed meanwhile are forgotten now. Idempotent. */
  void release();
}
