package dev.tierbus.router.impl;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventCodecs;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Tier;
import dev.tierbus.router.DeliveryTier;
import dev.tierbus.router.EventHandler;
import dev.tierbus.router.Overflow;
import dev.tierbus.router.InFlight;
import dev.tierbus.router.Publication;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router: builds the routing table, the tiers and the worker pool, hands each their
 * collaborators, and runs the life of subscriptions (subscribe, unsubscribe, drain, close).
 */
public final class TieredEventRouterImpl implements TieredEventRouter {

  private static final Logger log = LoggerFactory.getLogger(TieredEventRouterImpl.class);
  /** Per JVM, not per router: a router's fast-tier addresses never meet another router's. */
  private static final AtomicLong SUBSCRIPTION_IDS = new AtomicLong();

  private final Vertx vertx;
  private final RouterOptions options;
  private final InFlightCounter inFlight = new InFlightCounter();
  private final HandlerErrors errors = new HandlerErrors();
  private final RoutingTable table;
  private final FastTier fast;
  private final StandardTier standard;
  private final Tiers tiers;
  private final StandardPool pool;

  public TieredEventRouterImpl(Vertx vertx, RouterOptions options) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.options = Objects.requireNonNull(options, "options");
    options.getReliable().validate();
    EventCodecs.registerDefaults(vertx.eventBus());
    this.table = new RoutingTable(options);
    this.fast = new FastTier(vertx.eventBus(), options.getFast(), inFlight, table::pendingBatches);
    this.standard = new StandardTier(options.getStandard(), inFlight, table::queuedEvents);
    this.tiers = new Tiers(fast, standard);
    this.pool = new StandardPool(options.getStandard().getMaxConcurrentDeliveries());
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
    return new BatchingPublisher(source, vertx.getOrCreateContext(), options.getFast(), table, tiers, inFlight);
  }

  @Override
  public Future<Void> publish(Event event) {
    Objects.requireNonNull(event, "event");
    SourceRoutes r = table.routesFor(event.source());
    return tiers.route(event.source(), event, r.tierOf(event.type()), r);
  }

  @Override
  public Future<Void> publish(Event event, Tier tier) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(tier, "tier");
    return tiers.route(event.source(), event, tier, table.routesFor(event.source()));
  }

  @Override
  public RouteHold holdReliableRoutes(Collection<String> subscriberIds) {
    Objects.requireNonNull(subscriberIds, "subscriberIds");
    return table.hold(subscriberIds)::run;
  }

  @Override
  public Future<SubscriptionHandle> subscribe(Subscription subscription, EventHandler handler, Overflow overflow) {
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(overflow, "overflow");
    if (tiers.isClosed()) {
      return Future.failedFuture(new IllegalStateException("router is closed"));
    }
    String id = subscription.subscriberId() + "#" + SUBSCRIPTION_IDS.incrementAndGet();
    Executor executor = pool.executorFor(Vertx.currentContext());
    RouteImpl route = new RouteImpl(id, subscription, handler, executor, errors);
    FastInbox fastInbox = fast.open(route);
    SubscriptionHandleImpl handle = new SubscriptionHandleImpl(route, fastInbox, standard.open(route, executor, overflow),
        this::unsubscribe);
    return fastInbox.ready().map(v -> {
      table.add(handle);
      tiers.added(route);
      return handle;
    });
  }

  private Future<Void> unsubscribe(SubscriptionHandleImpl handle) {
    if (handle.route().isClosed()) {
      return Tiers.DONE;
    }
    table.remove(handle);
    Future<Void> reliableDone = tiers.removed(handle.route())
        .recover(e -> {
          log.warn("{}: the reliable tier failed to release it: {}", handle, e.toString());
          return Tiers.DONE;
        });
    return reliableDone.compose(r -> waitUntil(handle::drained)
        .transform(drained -> {
          if (!drained.succeeded() || !drained.result()) {
            log.warn("{} removed with {} queued events and {} pending batches not handled within {} ms",
                handle, handle.queueDepth(), handle.pendingBatches(), options.getDrainTimeoutMs());
          }
          return handle.close();
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
    tiers.install(tier, table.subscriptions().stream().map(SubscriptionHandleImpl::route).toList());
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
    return tiers.metrics();
  }

  @Override
  public Future<Void> drain() {
    return waitUntil(() -> standard.idle() && table.drained()).map(done -> {
      if (!done) {
        log.warn("drain timed out after {} ms: {} standard events queued, {} fast batches pending",
            options.getDrainTimeoutMs(), table.queuedEvents(), table.pendingBatches());
      }
      return null;
    });
  }

  @Override
  public Future<Void> close() {
    if (tiers.isClosed()) {
      return Tiers.DONE;
    }
    return drain()
        .compose(v -> tiers.closeReliable())
        .eventually(() -> {
          tiers.refuse();
          pool.shutdown();
          // subscriptions still open end with the router: their consumers are unregistered
          List<Future<Void>> unregistered = new ArrayList<>();
          for (SubscriptionHandleImpl handle : table.subscriptions()) {
            unregistered.add(handle.close());
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
