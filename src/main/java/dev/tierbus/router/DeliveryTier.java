package dev.tierbus.router;

import dev.tierbus.event.Event;
import dev.tierbus.event.Tier;
import dev.tierbus.metrics.TierMetricsSnapshot;
import io.vertx.core.Future;
import java.util.List;

/**
 * A tier the router can hand events to: the seam through which the reliable tier plugs in.
 *
 * <p>The router resolves routing (source, type, scope and filters) and passes the matching
 * {@link Route}s; the tier owns durability, confirmation and retries. The router also tells
 * the tier about every subscription of its node, so the tier can receive for it.
 */
public interface DeliveryTier {

  Tier tier();

  /**
   * Takes responsibility for delivering {@code event} to {@code routes} (each accepts it); the
   * Future says when the tier's own guarantee holds (for the reliable tier: when the event is
   * journalled).
   */
  Future<Void> publish(String source, Event event, List<Route> routes);

  /**
   * A subscription was added on this node (also called for every existing one when the tier
   * is installed). Called from any thread.
   */
  default void routeAdded(Route route) {}

  /**
   * A subscription is being removed; the Future completes when the tier no longer runs its
   * handler (what the tier had not handed to it stays the tier's responsibility).
   */
  default Future<Void> routeRemoved(Route route) {
    return Future.succeededFuture();
  }

  TierMetricsSnapshot metrics();

  /** Finishes or hands back what is in flight and releases resources. */
  Future<Void> close();
}
