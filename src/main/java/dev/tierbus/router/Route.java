package dev.tierbus.router;

import dev.tierbus.event.Event;
import io.vertx.core.Future;
import java.util.List;

/**
 * One subscription as seen by a {@link DeliveryTier}: where a matching event goes.
 *
 * <p>Handler calls through a route never overlap with each other or with the subscription's
 * fast- and standard-tier calls: they run on the subscription's executor (its container's
 * context when that is a worker context, else the router's standard pool).
 */
public interface Route {

  String subscriptionId();

  String subscriberId();

  Subscription subscription();

  /** The subscription's handler (a tier may give some handler types special treatment). */
  EventHandler handler();

  /** True when the subscription's event types and filter accept {@code event}. */
  boolean matches(Event event);

  /**
   * Runs the handler for each event in order, in one task on the subscription's executor,
   * stopping at the first that throws.
   *
   * @return how many were handled, and the failure that stopped the run (null when all were)
   */
  Future<InOrderOutcome> deliverInOrder(List<Event> events);

  /**
   * What {@link #deliverInOrder} did.
   *
   * @param handled events handled successfully, from the first
   * @param failure what the next event's handler threw, or null when every event was handled
   */
  record InOrderOutcome(int handled, Throwable failure) {}
}
