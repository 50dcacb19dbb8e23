package dev.tierbus.container;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.Scope;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Runs one container in isolation: deploy it, inject events, collect what it publishes.
 *
 * <pre>{@code
 * ContainerTestKit kit = ContainerTestKit.create(vertx, registry);
 * kit.deploy(spec)
 *    .compose(c -> kit.inject(Event.of(EventType.BAR, "data_container", "AAPL", t, bar)))
 *    .compose(v -> kit.awaitPublished(EventType.SIGNAL, 1, Duration.ofSeconds(5)))
 *    .onSuccess(signals -> ...);
 * }</pre>
 *
 * <p>The container under test runs under a real {@link TieredEventRouter} and a real Vert.x,
 * as the child of a recording parent: events it publishes externally (any tier but reliable,
 * which is not installed) and internally to {@code PARENT} are collected in order.
 * {@link #inject} publishes through the router as if from the event's source, so the
 * container's subscriptions and filters apply; {@link #injectInternal} sends on its internal
 * bus as its parent would.
 */
public final class ContainerTestKit {

  /** Id of the recording parent container. */
  public static final String PARENT_ID = "test-kit";

  private final Vertx vertx;
  private final TieredEventRouter router;
  private final ContainerRegistry registry;
  private final List<Event> external = new ArrayList<>();
  private final List<Event> internal = new ArrayList<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private RecordingParent parent;
  private ContainerDeployer.ContainerDeployment deployment;

  private record Waiter(boolean internal, Predicate<Event> match, int count, Promise<List<Event>> promise) {}

  private ContainerTestKit(Vertx vertx, RouterOptions options, ContainerRegistry registry) {
    this.vertx = vertx;
    this.router = TieredEventRouter.create(vertx, options);
    this.registry = registry;
  }

  public static ContainerTestKit create(Vertx vertx, ContainerRegistry registry) {
    return create(vertx, new RouterOptions(), registry);
  }

  public static ContainerTestKit create(Vertx vertx, RouterOptions options, ContainerRegistry registry) {
    return new ContainerTestKit(Objects.requireNonNull(vertx), Objects.requireNonNull(options),
        Objects.requireNonNull(registry));
  }

  public TieredEventRouter router() {
    return router;
  }

  /** Builds the container of {@code spec} (from the registry) and deploys it under the recorder. */
  public Future<Container> deploy(ContainerSpec spec) {
    Container c;
    try {
      c = new ContainerDeployer(vertx, router, registry).build(spec);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return deploy(c);
  }

  /** Deploys an already bound container under the recorder. */
  public Future<Container> deploy(Container container) {
    if (parent != null) {
      return Future.failedFuture(new IllegalStateException("the test kit runs one container; create another kit"));
    }
    parent = new RecordingParent();
    parent.bind(ContainerSpec.of(PARENT_ID, "test-kit")
        .withThreading(Threading.EVENT_LOOP)
        .withSubscriptions(List.of(new Subscription(PARENT_ID, container.id(),
            EnumSet.allOf(EventType.class), null, null))), router);
    parent.addChild(container);
    return new ContainerDeployer(vertx, router, registry).deployContainers(List.of(parent))
        .map(d -> {
          deployment = d;
          return container;
        });
  }

  /** Publishes {@code event} through the router as if its source had published it. */
  public Future<Void> inject(Event event) {
    return router.publish(event);
  }

  /** Sends {@code event} to the container's internal bus, as its parent would. */
  public void injectInternal(Event event) {
    parent.publishInternal(event, Scope.CHILDREN);
  }

  /** Everything the container published externally so far, in order. */
  public synchronized List<Event> published() {
    return List.copyOf(external);
  }

  /** What the container published externally of one type so far. */
  public synchronized List<Event> published(EventType type) {
    return external.stream().filter(e -> e.type() == type).toList();
  }

  /** Everything the container published internally to its parent so far. */
  public synchronized List<Event> publishedInternally() {
    return List.copyOf(internal);
  }

  /** Completes with the first {@code count} external events of {@code type}, or fails on timeout. */
  public Future<List<Event>> awaitPublished(EventType type, int count, Duration timeout) {
    return await(false, e -> e.type() == type, count, timeout);
  }

  /** Completes with the first {@code count} internal events to the parent, or fails on timeout. */
  public Future<List<Event>> awaitPublishedInternally(int count, Duration timeout) {
    return await(true, e -> true, count, timeout);
  }

  private Future<List<Event>> await(boolean isInternal, Predicate<Event> match, int count, Duration timeout) {
    Promise<List<Event>> promise = Promise.promise();
    synchronized (this) {
      Waiter w = new Waiter(isInternal, match, count, promise);
      if (!tryComplete(w)) {
        waiters.add(w);
      }
    }
    long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> {
      synchronized (this) {
        List<Event> seen = (isInternal ? internal : external).stream().filter(match).toList();
        promise.tryFail(new AssertionError("expected " + count + " events within " + timeout + ", got "
            + seen.size() + ": " + seen));
      }
    });
    return promise.future().onComplete(ar -> vertx.cancelTimer(timer));
  }

  private boolean tryComplete(Waiter w) {
    List<Event> seen = (w.internal ? internal : external).stream().filter(w.match).toList();
    if (seen.size() >= w.count) {
      w.promise.tryComplete(seen.subList(0, w.count));
      return true;
    }
    return false;
  }

  private synchronized void record(Event e, boolean isInternal) {
    (isInternal ? internal : external).add(e);
    waiters.removeIf(this::tryComplete);
  }

  /** Undeploys the container and closes the kit's router. */
  public Future<Void> close() {
    Future<Void> undeploy = deployment == null ? Future.succeededFuture() : deployment.undeploy();
    return undeploy.compose(v -> router.close());
  }

  /** The recording parent: collects external events of the child and internal events to it. */
  private final class RecordingParent extends Container {
    @Override
    protected Future<?> onExternalEvent(Event event) {
      record(event, false);
      return Future.succeededFuture();
    }

    @Override
    protected void onInternalEvent(Event event) {
      record(event, true);
    }
  }
}
