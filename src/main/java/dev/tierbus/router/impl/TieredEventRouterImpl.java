package dev.tierbus.router.impl;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventBatch;
import dev.tierbus.event.EventCodecs;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Tier;
import dev.tierbus.router.DeliveryTier;
import dev.tierbus.router.EventHandler;
import dev.tierbus.router.InFlight;
import dev.tierbus.router.Publication;
import dev.tierbus.router.Route;
import dev.tierbus.router.RouteHold;
import dev.tierbus.router.RouteInfo;
import dev.tierbus.router.RouterMetrics;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.SourcePublisher;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.SubscriptionHandle;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The router: routing table, the fast and standard tiers, and the installed reliable tier. */
public final class TieredEventRouterImpl implements TieredEventRouter {

  private static final Logger log = LoggerFactory.getLogger(TieredEventRouterImpl.class);
  static final Future<Void> DONE = Future.succeededFuture();

  private final Vertx vertx;
  private final RouterOptions options;
  final RoutingTable table;
  final FastTier fast;
  final StandardTier standard;
  final InFlightCounter inFlight = new InFlightCounter();
  private volatile DeliveryTier reliable = new UnavailableTier(Tier.RELIABLE);
  private final StandardPool standardPool;
  final HandlerErrors errors = new HandlerErrors();
  /** Per JVM, not per router: a router's fast-tier addresses never meet another router's. */
  private static final AtomicLong SUBSCRIPTION_IDS = new AtomicLong();
  private volatile boolean closed;

  public TieredEventRouterImpl(Vertx vertx, RouterOptions options) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.options = Objects.requireNonNull(options, "options");
    options.getReliable().validate();
    EventCodecs.registerDefaults(vertx.eventBus());
    this.table = new RoutingTable(options);
    this.fast = new FastTier(vertx.eventBus(), options.getFast(), inFlight);
    this.standard = new StandardTier(this, options.getStandard());
    this.standardPool = new StandardPool(options.getStandard().getMaxConcurrentDeliveries());
    fast.metrics.queueDepthGauge(() -> fast.pendingBatches(table.endpoints()));
    standard.metrics.queueDepthGauge(() -> standard.queueDepth(table.endpoints()));
  }

  @Override
  public Vertx vertx() {
    return vertx;
  }

  @Override
  public RouterOptions options() {
    return options;
  }

  @Override
  public SourcePublisher publisher(String source) {
    Objects.requireNonNull(source, "source");
    return new BatchingPublisher(this, source, vertx.getOrCreateContext());
  }

  @Override
  public Future<Void> publish(Event event) {
    Objects.requireNonNull(event, "event");
    SourceRoutes r = table.routesFor(event.source());
    return route(event.source(), event, r.tierByType[event.type().code()], r);
  }

  @Override
  public Future<Void> publish(Event event, Tier tier) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(tier, "tier");
    return route(event.source(), event, tier, table.routesFor(event.source()));
  }

  /** Routes one event on {@code tier}; a fast event goes out as a batch of one. */
  Future<Void> route(String source, Event event, Tier tier, SourceRoutes routes) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("router is closed: " + event.type() + " from " + source));
    }
    Endpoint[] targets = routes.byType[event.type().code()];
    return switch (tier) {
      case FAST -> {
        fast.deliver(new EventBatch(source, new Event[] {event}, 1, System.nanoTime()), routes);
        yield DONE;
      }
      case STANDARD -> standard.publish(event, targets);
      case RELIABLE -> reliable.publish(source, event, matching(event, targets));
    };
  }

  /**
   * The subscriptions among {@code targets} whose filter accepts {@code event} (closed ones are
   * there only while their subscriber is held: they keep its rows coming).
   */
  private static List<Route> matching(Event event, Endpoint[] targets) {
    if (targets.length == 0) {
      return List.of();
    }
    List<Route> routes = new ArrayList<>(targets.length);
    for (Endpoint ep : targets) {
      if (ep.filter.matches(event)) {
        routes.add(ep);
      }
    }
    return routes;
  }

  @Override
  public RouteHold holdReliableRoutes(java.util.Collection<String> subscriberIds) {
    Objects.requireNonNull(subscriberIds, "subscriberIds");
    return table.hold(subscriberIds)::run;
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("router is closed");
    }
  }

  @Override
  public Future<SubscriptionHandle> subscribe(Subscription subscription, EventHandler handler) {
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(handler, "handler");
    if (closed) {
      return Future.failedFuture(new IllegalStateException("router is closed"));
    }
    Executor executor = standardPool.executorFor(Vertx.currentContext());
    String id = subscription.subscriberId() + "#" + SUBSCRIPTION_IDS.incrementAndGet();
    Endpoint ep = new Endpoint(this, id, subscription, handler, executor,
        options.getStandard().getQueueSize(), options.getStandard().getDrainBatchSize());
    MessageConsumer<EventBatch> consumer = vertx.eventBus().consumer(ep.fastAddress);
    consumer.handler(ep::onBatch);
    ep.consumer = consumer;
    return consumer.completion().map(v -> {
      table.add(ep);
      reliable.routeAdded(ep);
      return (SubscriptionHandle) ep;
    });
  }

  Future<Void> unsubscribe(Endpoint ep) {
    if (ep.closed) {
      return DONE;
    }
    table.remove(ep);
    Future<Void> reliableDone = reliable.routeRemoved(ep)
        .recover(e -> {
          log.warn("{}: the reliable tier failed to release it: {}", ep, e.toString());
          return DONE;
        });
    return reliableDone.compose(r -> waitUntil(() -> ep.mailbox.size() == 0 && !ep.scheduled.get() && ep.pendingBatches.get() == 0)
        .transform(drained -> {
          ep.closed = true;
          standard.metrics.latency().release(ep.standardLatency);
          if (!drained.succeeded() || !drained.result()) {
            log.warn("{} removed with {} queued events and {} pending batches not handled within {} ms",
                ep, ep.mailbox.size(), ep.pendingBatches.get(), options.getDrainTimeoutMs());
          }
          return ep.consumer.unregister();
        }));
  }

  /** Completes with true once {@code condition} holds, or false after the drain timeout. */
  private Future<Boolean> waitUntil(BooleanSupplier condition) {
    if (condition.getAsBoolean()) {
      return Future.succeededFuture(true);
    }
    Promise<Boolean> promise = Promise.promise();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.getDrainTimeoutMs());
    vertx.setPeriodic(2, id -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(id);
        promise.tryComplete(true);
      } else if (System.nanoTime() >= deadline) {
        vertx.cancelTimer(id);
        promise.tryComplete(false);
      }
    });
    return promise.future();
  }

  @Override
  public void registerContainer(String containerId, String parentId, List<Publication> publications) {
    Objects.requireNonNull(containerId, "containerId");
    table.declare(containerId, parentId, publications == null ? List.of() : publications);
  }

  @Override
  public void unregisterContainer(String containerId) {
    table.forget(containerId);
  }

  @Override
  public Tier tierOf(String source, EventType type) {
    return table.tierOf(source, type);
  }

  @Override
  public void installTier(DeliveryTier tier) {
    Objects.requireNonNull(tier, "tier");
    if (tier.tier() != Tier.RELIABLE) {
      throw new IllegalArgumentException("only the reliable tier can be installed, got " + tier.tier());
    }
    this.reliable = tier;
    for (Endpoint ep : table.endpoints()) {
      tier.routeAdded(ep);
    }
  }

  @Override
  public void exceptionHandler(Handler<Throwable> handler) {
    errors.exceptionHandler(handler);
  }

  @Override
  public List<RouteInfo> routes() {
    return table.describe();
  }

  @Override
  public InFlight inFlight() {
    return inFlight;
  }

  @Override
  public RouterMetrics metrics() {
    return new RouterMetrics(fast.metrics.snapshot(), standard.metrics.snapshot(), reliable.metrics());
  }

  @Override
  public Future<Void> drain() {
    List<Endpoint> eps = table.endpoints();
    return waitUntil(() -> standard.idle(eps) && fast.pendingBatches(eps) == 0).map(done -> {
      if (!done) {
        log.warn("drain timed out after {} ms: {} standard events queued, {} fast batches pending",
            options.getDrainTimeoutMs(), standard.queueDepth(eps), fast.pendingBatches(eps));
      }
      return null;
    });
  }

  @Override
  public Future<Void> close() {
    if (closed) {
      return DONE;
    }
    return drain()
        .compose(v -> reliable.close())
        .eventually(() -> {
          closed = true;
          standardPool.shutdown();
          // subscriptions still open end with the router: their consumers are unregistered
          List<Future<Void>> unregistered = new ArrayList<>();
          for (Endpoint ep : table.endpoints()) {
            ep.closed = true;
            if (ep.consumer != null) {
              unregistered.add(ep.consumer.unregister());
            }
          }
          return Future.join(unregistered);
        })
        .mapEmpty();
  }

  @Override
  public String toString() {
    return "TieredEventRouter" + Arrays.asList(Tier.values());
  }
}
