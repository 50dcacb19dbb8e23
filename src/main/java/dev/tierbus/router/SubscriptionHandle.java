package dev.tierbus.router;

import io.vertx.core.Future;

/**
 * A live subscription as its subscriber holds it: its counters and the way to end it. A tier
 * sees the same subscription as a {@link Route} (same {@link #id()}).
 */
public interface SubscriptionHandle {

  /** Unique id of this subscription on this node. */
  String id();

  /** What was asked for. */
  Subscription subscription();

  /** Events handed to the handler so far. */
  long delivered();

  /** Fast-tier events this subscriber missed because it was too slow. */
  long dropped();

  /** Standard-tier events refused because this subscription's queue was full. */
  long rejected();

  /** Events (standard) waiting in this subscription's queue now. */
  int queueDepth();

  /**
   * Stops routing new events to this subscription, lets the handler finish what is already
   * queued (bounded by the router's drain timeout), then removes it.
   */
  Future<Void> unsubscribe();
}
