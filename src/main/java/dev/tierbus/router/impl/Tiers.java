package dev.tierbus.router.impl;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventBatch;
import dev.tierbus.event.Tier;
import dev.tierbus.router.DeliveryTier;
import dev.tierbus.router.Route;
import dev.tierbus.router.RouterMetrics;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's three tiers: hands an event to the tier it travels on, with the subscriptions
 * its source's routes name; refuses everything once closed.
 *
 * <p>The fast and standard tiers are built in; the reliable tier is installed later (until
 * then an {@link UnavailableTier} refuses its events).
 */
final class Tiers {

  static final Future<Void> DONE = Future.succeededFuture();

  private final FastTier fast;
  private final StandardTier standard;
  private volatile DeliveryTier reliable = new UnavailableTier(Tier.RELIABLE);
  private volatile boolean closed;

  Tiers(FastTier fast, StandardTier standard) {
    this.fast = fast;
    this.standard = standard;
  }

  /** Routes one event on {@code tier}; a fast event goes out as a batch of one. */
  Future<Void> route(String source, Event event, Tier tier, SourceRoutes routes) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("router is closed: " + event.type() + " from " + source));
    }
    return switch (tier) {
      case FAST -> {
        fast.deliver(new EventBatch(source, new Event[] {event}, 1, System.nanoTime()), routes);
        yield DONE;
      }
      case STANDARD -> standard.publish(event, routes.standardInboxes(event.type()));
      case RELIABLE -> reliable.publish(source, event, matching(event, routes.routes(event.type())));
    };
  }

  /** Sends a fast batch of one source. Called on the publisher's thread. */
  void deliver(EventBatch batch, SourceRoutes routes) {
    fast.deliver(batch, routes);
  }

  /**
   * The subscriptions among {@code targets} whose filter accepts {@code event} (closed ones are
   * there only while their subscriber is held: they keep its rows coming).
   */
  private static List<Route> matching(Event event, RouteImpl[] targets) {
    if (targets.length == 0) {
      return List.of();
    }
    List<Route> routes = new ArrayList<>(targets.length);
    for (RouteImpl route : targets) {
      if (route.matches(event)) {
        routes.add(route);
      }
    }
    return routes;
  }

  /** Installs the reliable tier and tells it about the subscriptions that exist already. */
  void install(DeliveryTier tier, List<? extends Route> existing) {
    this.reliable = tier;
    for (Route route : existing) {
      tier.routeAdded(route);
    }
  }

  /** Tells the reliable tier about a new subscription. */
  void added(Route route) {
    reliable.routeAdded(route);
  }

  /** Tells the reliable tier a subscription is being removed; completes when it let go. */
  Future<Void> removed(Route route) {
    return reliable.routeRemoved(route);
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("router is closed");
    }
  }

  boolean isClosed() {
    return closed;
  }

  RouterMetrics metrics() {
    return new RouterMetrics(fast.snapshot(), standard.snapshot(), reliable.metrics());
  }

  /** Closes the reliable tier: it finishes or hands back what is in flight. */
  Future<Void> closeReliable() {
    return reliable.close();
  }

  /** From now on every publish fails. */
  void refuse() {
    closed = true;
  }
}
