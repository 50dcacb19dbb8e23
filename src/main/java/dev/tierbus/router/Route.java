package dev.tierbus.router;

import dev.tierbus.event.Event;
import io.vertx.core.Future;
import java.util.List;

/**
 * A live subscription as a {@link DeliveryTier} delivers through it: what it accepts and how its
 * handler is run. The same subscription's subscriber holds it as a {@link SubscriptionHandle}
 * (same {@link #id()}).
 *
 * <p>Handler calls through a route never overlap with each other or with the subscription's
 * fast- and standard-tier calls: they run on the subscription's executor (its container's
 * context when that is a worker context, else the router's standard pool).
 */
public interface Route {

  /** The subscription's id on this node, the same as its {@link SubscriptionHandle#id()}. */
  String id();

  /** The subscribing container's id ({@link Subscription#subscriberId()}). */
  String subscriberId();

  Subscription subscription();

  /** The subscription's handler (a tier may give some handler types special treatment). */
  EventHandler handler();

  /** True when the subscription's event types and filter accept {@code event}. */
  boolean matches(Event event);

  /**
   * Runs the handler for each event in order, in one task on the subscription's executor,
   * stopping at the first that throws. An {@link AsyncEventHandler}'s Futures are then waited
   * for: an event counts as handled when its Future (and every Future before it) succeeded.
   *
   * @return how many were handled, and the failure that stopped the run (null when all were)
   */
  Future<InOrderOutcome> deliverInOrder(List<Event> events);

  /**
   * What {@link #deliverInOrder} did.
   *
   * @param handled events handled successfully, from the first
   * @param failure what the next event's handler threw or its Future failed with, or null when
   *     every event was handled
   * @param handledAfter indexes after {@code handled} whose handler was called and whose
   *     Future succeeded all the same (an earlier asynchronous effect failed after they were
   *     handed over): done, not to be run again; empty when there are none
   */
  record InOrderOutcome(int handled, Throwable failure, java.util.BitSet handledAfter) {

    public InOrderOutcome {
      handledAfter = handledAfter == null ? new java.util.BitSet() : (java.util.BitSet) handledAfter.clone();
    }

    public InOrderOutcome(int handled, Throwable failure) {
      this(handled, failure, null);
    }

    @Override
    public java.util.BitSet handledAfter() {
      return (java.util.BitSet) handledAfter.clone();
    }
  }
}
