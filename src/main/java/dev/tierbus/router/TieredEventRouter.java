package dev.tierbus.router;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Tier;
import dev.tierbus.router.impl.TieredEventRouterImpl;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * Routes events between containers on three tiers, each built for one kind of traffic.
 *
 * <pre>
 *  publisher ──► tier of (source, type) ──► fast:     batch per source ─► event bus ─► subscriber context
 *                                      ├──► standard: filter ─► bounded queue ─► worker pool
 *                                      └──► reliable: {@link DeliveryTier} (journal, confirm, retry)
 * </pre>
 *
 * <p>The tier of an event is its source's publication override, else the node's setting for
 * the type ({@link RouterOptions#setTier}), else the type's default. A subscriber never gets
 * its own events back. Routing state is rebuilt on (un)subscribe and read lock-free.
 */
public interface TieredEventRouter {

  /**
   * Creates a router on {@code vertx}; registers the pass-by-reference codecs for
   * {@code Event} and {@code EventBatch} on its event bus.
   */
  static TieredEventRouter create(Vertx vertx, RouterOptions options) {
    return new TieredEventRouterImpl(vertx, options);
  }

  Vertx vertx();

  RouterOptions options();

  /**
   * A publisher for {@code source}, bound to the current Vert.x context (a new event-loop
   * context when called from a thread without one). See {@link SourcePublisher}.
   */
  SourcePublisher publisher(String source);

  /**
   * Publishes from any thread on the event's tier. A fast-tier event sent this way is
   * delivered as a batch of one, immediately; use a {@link SourcePublisher} for batching.
   */
  Future<Void> publish(Event event);

  /** Publishes from any thread on the given tier, whatever the event type's tier. */
  Future<Void> publish(Event event, Tier tier);

  /**
   * Subscribes {@code handler}. Fast-tier events are handled on the Vert.x context current at
   * this call; standard-tier events on that context when it is a worker context, otherwise on
   * the router's standard worker pool, never on an event loop.
   */
  default Future<SubscriptionHandle> subscribe(Subscription subscription, EventHandler handler) {
    return subscribe(subscription, handler, Overflow.REFUSE);
  }

  /**
   * {@link #subscribe(Subscription, EventHandler)} with the rule for a full standard-tier queue
   * of this subscription: {@link Overflow#REFUSE} fails the publish, {@link Overflow#DROP} drops
   * the event for this subscriber only and counts it.
   */
  Future<SubscriptionHandle> subscribe(Subscription subscription, EventHandler handler, Overflow overflow);

  /**
   * Declares a container: its parent (null at top level) and what it publishes. Scopes and
   * tier overrides of the publications take effect for events routed from then on.
   */
  void registerContainer(String containerId, String parentId, List<Publication> publications);

  /**
   * While held, a subscription of one of {@code subscriberIds} that is removed keeps routing
   * reliable-tier events: they are journalled for the subscriber and wait there until it
   * subscribes again (or, after the hold ends, until they are delivered or dead). For replacing
   * a container without losing what is published in between. Fast- and standard-tier events
   * are not kept.
   */
  RouteHold holdReliableRoutes(java.util.Collection<String> subscriberIds);

  /** Forgets a container's declaration (its subscriptions are ended separately). */
  void unregisterContainer(String containerId);

  /** The tier an event of {@code type} from {@code source} travels on. */
  Tier tierOf(String source, EventType type);

  /** Installs the implementation of a tier (the reliable tier's seam). */
  void installTier(DeliveryTier tier);

  /** Called with every exception a subscriber's handler throws (after it is counted). */
  void exceptionHandler(Handler<Throwable> handler);

  /** The current routing table, one row per (type, publisher, subscription). */
  List<RouteInfo> routes();

  RouterMetrics metrics();

  /** The work in flight on this node: what a simulated clock waits on (see {@link InFlight}). */
  InFlight inFlight();

  /**
   * Waits until the standard tier's queues are empty and the fast tier has no batch in
   * flight, at most the drain timeout; completes either way and reports what was left.
   */
  Future<Void> drain();

  /** Drains, then closes every tier. Publishing after close fails. */
  Future<Void> close();
}
