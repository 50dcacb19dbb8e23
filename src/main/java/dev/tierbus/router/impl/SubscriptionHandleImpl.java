package dev.tierbus.router.impl;

import dev.tierbus.router.Subscription;
import dev.tierbus.router.SubscriptionHandle;
import io.vertx.core.Future;
import java.util.function.Function;

/**
 * One live subscription on this node, what its subscriber holds: its {@link RouteImpl} (the
 * handler side every tier shares) and its per-tier receiving parts. The routing table keeps it
 * while the subscription routes. Its route is its own, so equal handles are the same one.
 *
 * @param route the handler side, what the reliable tier delivers through
 * @param fastInbox its fast-tier consumer and counters
 * @param standardInbox its standard-tier queue and counters
 * @param remover ends this subscription (the router's unsubscribe)
 */
record SubscriptionHandleImpl(RouteImpl route, FastInbox fastInbox, StandardInbox standardInbox,
                              Function<SubscriptionHandleImpl, Future<Void>> remover) implements SubscriptionHandle {

  /** Fast batches sent to it and not yet handled. */
  int pendingBatches() {
    return fastInbox.pending();
  }

  /** True when nothing waits for its handler on the fast and standard tiers. */
  boolean drained() {
    return standardInbox.isIdle() && fastInbox.pending() == 0;
  }

  /** Closes it now: its handler is given nothing more, its fast consumer is unregistered. */
  Future<Void> close() {
    route.close();
    standardInbox.close();
    return fastInbox.close();
  }

  @Override
  public String id() {
    return route.id();
  }

  @Override
  public Subscription subscription() {
    return route.subscription();
  }

  @Override
  public long delivered() {
    return route.delivered();
  }

  @Override
  public long dropped() {
    return fastInbox.dropped() + standardInbox.dropped();
  }

  @Override
  public long rejected() {
    return standardInbox.rejected();
  }

  @Override
  public int queueDepth() {
    return standardInbox.size();
  }

  @Override
  public Future<Void> unsubscribe() {
    return remover.apply(this);
  }

  @Override
  public String toString() {
    return route.toString();
  }
}
