package dev.tierbus.container;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Payload;
import dev.tierbus.router.Addresses;
import dev.tierbus.router.AsyncEventHandler;
import dev.tierbus.router.Scope;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.SubscriptionHandle;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A container: a verticle with an id, a type, parameters, a parent, children and components.
 *
 * <p>Inside, components talk by direct calls ({@link Emitter#emit}) and over the container
 * tree's internal bus ({@link #publishInternal}: local event-bus addresses, the event passed
 * by reference, never leaving the JVM). Between containers, events go through the
 * {@link TieredEventRouter} ({@link #publishExternal}).
 *
 * <p>Lifecycle, all on the container's own context: the internal bus address is registered,
 * the container's publications are declared to the router, {@link #setUp()} runs (add
 * components here), its subscriptions are registered, then its children are deployed (so
 * registering with the router cascades down the tree). Once the whole topology is deployed,
 * {@link #onSystemStarted()} runs — sources start producing there. On undeploy the children
 * go first, then {@link #tearDown()}, the pending fast batch is flushed and the subscriptions
 * are drained and removed.
 *
 * <p>Every inbound event (external or internal) is handled on the container's context one at
 * a time; with the default {@link Threading#WORKER} that context is a worker context.
 *
 * <p>Its parts, each a class of its own: {@link ComponentChain} (the components and the
 * effects of a dispatch), {@link InternalBus} (its end of the internal bus),
 * {@link ExternalPublisher} (its way out through the router), {@link RouterInbound} (how the
 * router hands it events, per tier), {@link Children} (its children and their deployment).
 */
public abstract class Container extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(Container.class);

  private ContainerSpec spec;
  private TieredEventRouter router;
  private Container parent;
  private final Children children = new Children();
  private final ComponentChain components = new ComponentChain(this);
  private final List<SubscriptionHandle> subscriptions = new ArrayList<>();
  private final LongAdder eventsIn = new LongAdder();
  private final LongAdder eventsOut = new LongAdder();
  private final ReliableHandling reliable = new ReliableHandling();
  private final RouterInbound inbound = new RouterInbound(eventsIn, reliable, this::onExternalEvent);
  private String internalAddress;
  private InternalBus internal;
  private ExternalPublisher external;
  private volatile ContainerState state = ContainerState.CREATED;
  /** What the container this one replaced handed over; null for a fresh start. */
  private Object inherited;

  /**
   * Gives the container its spec and router; the runtime calls this before deploying.
   *
   * @throws IllegalStateException when already bound
   */
  public final void bind(ContainerSpec spec, TieredEventRouter router) {
    if (this.spec != null) {
      throw new IllegalStateException("container " + this.spec.id() + " is already bound");
    }
    this.spec = Objects.requireNonNull(spec, "spec");
    this.router = Objects.requireNonNull(router, "router");
    this.internalAddress = Addresses.containerInternal(spec.id());
  }

  /** Adds a child, to be deployed when this container starts. */
  public final void addChild(Container child) {
    Objects.requireNonNull(child, "child");
    if (state != ContainerState.CREATED) {
      throw new IllegalStateException("children are added before " + id() + " starts");
    }
    child.parent = this;
    children.add(child);
  }

  /** Sets or clears the parent of a child deployed or withdrawn at runtime ({@link Children}). */
  final void adoptedBy(Container newParent) {
    parent = newParent;
  }

  /**
   * Makes this container, not yet deployed, the successor of {@code predecessor} — the one of
   * the same id it replaces in a hot swap, already stopped — so that it can take over its
   * state ({@link #handOver()}, {@link #inherited()}). Children are matched to the
   * predecessor's children by id.
   *
   * @throws IllegalStateException when this container was deployed already
   * @throws IllegalArgumentException when the ids differ
   */
  public final void replaces(Container predecessor) {
    Objects.requireNonNull(predecessor, "predecessor");
    if (state != ContainerState.CREATED) {
      throw new IllegalStateException(this + " is " + state + "; only a container not yet deployed replaces another");
    }
    if (!predecessor.id().equals(id())) {
      throw new IllegalArgumentException(this + " cannot replace " + predecessor + ": the ids differ");
    }
    inherited = predecessor.handOver();
    for (Container child : children.list()) {
      Container old = predecessor.children.byId(child.id());
      if (old != null) {
        child.replaces(old);
      }
    }
  }

  // ---------------------------------------------------------------- what subclasses write

  /**
   * The state this container hands to the one that replaces it in a hot swap, called once it
   * has stopped (it handled what it had queued); null (the default) hands over nothing.
   */
  protected Object handOver() {
    return null;
  }

  /**
   * What the container this one replaces handed over ({@link #handOver()}), or null for a fresh
   * start; read it in {@link #setUp()}. Its type is the predecessor's business: check it.
   */
  protected final Object inherited() {
    return inherited;
  }

  /** Sets the container up on its context before it subscribes: add components here. */
  protected Future<?> setUp() throws Exception {
    return Future.succeededFuture();
  }

  /** Runs once the whole topology is deployed and subscribed; sources start producing here. */
  protected void onSystemStarted() {}

  /** Releases what {@link #setUp()} took; children are already undeployed. */
  protected Future<?> tearDown() throws Exception {
    return Future.succeededFuture();
  }

  /**
   * An event from the router (a subscription matched); by default handed to the components.
   *
   * @return completes when the event's effects are done: for a reliable-tier event the delivery
   *     is confirmed then, and fails (to be retried) when it fails; see {@link AsyncComponent}
   */
  protected Future<?> onExternalEvent(Event event) {
    return components.dispatch(event, reliable.active());
  }

  /** An event from the internal bus; by default handed to the components. */
  protected void onInternalEvent(Event event) {
    components.dispatch(event);
  }

  // ---------------------------------------------------------------- identity and tree

  public final String id() {
    return spec.id();
  }

  public final String type() {
    return spec.type();
  }

  public final ContainerSpec spec() {
    return spec;
  }

  /** The parameters of this container (a copy). */
  public final JsonObject params() {
    return spec.params();
  }

  /** The parent, or null for a top-level container. */
  public final Container parent() {
    return parent;
  }

  public final List<Container> children() {
    return children.list();
  }

  public final ContainerState state() {
    return state;
  }

  public final TieredEventRouter router() {
    return router;
  }

  /** Names of the components, in the order they receive events. */
  public final List<String> componentNames() {
    return components.names();
  }

  /** Events this container received (external and internal). */
  public final long eventsIn() {
    return eventsIn.sum();
  }

  /** Events this container published (external and internal). */
  public final long eventsOut() {
    return eventsOut.sum();
  }

  /** Component invocations that threw. */
  public final long componentErrors() {
    return components.errors();
  }

  // ---------------------------------------------------------------- components

  /**
   * Adds a component; it receives every event after the ones added before it.
   * Call from {@link #setUp()} (or before deployment).
   */
  public final void addComponent(String name, Component component) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(component, "component");
    components.add(name, component);
  }

  /**
   * Adds a component whose effect completes after it returns (a reliable-tier delivery is
   * confirmed when its Future succeeds); otherwise as {@link #addComponent}.
   */
  public final void addAsyncComponent(String name, AsyncComponent component) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(component, "component");
    components.addAsync(name, component);
  }

  // ---------------------------------------------------------------- publishing

  /** A new event with this container as its source. */
  public final Event event(EventType type, String symbol, long timeNanos, Payload payload) {
    return Event.of(type, id(), symbol, timeNanos, payload);
  }

  /**
   * Publishes to other containers through the router, on the tier of the event's type or of
   * this container's publication. From the container's own context the fast path is taken
   * (batched, no locks); from any other thread the call is handed to the container's context
   * first, so order per (source, symbol) holds either way. See
   * {@link dev.tierbus.router.SourcePublisher#publish(Event)} for when the Future completes. A
   * reliable-tier event published while this container handles a reliable-tier event is part
   * of that event's effect: its delivery is confirmed only once this one is journalled (an
   * ORDER is not confirmed before the FILL it caused is durable).
   */
  public final Future<Void> publishExternal(Event event) {
    ExternalPublisher out = external;
    if (out == null) {
      return Future.failedFuture(new IllegalStateException(
          "container " + (spec == null ? "?" : id()) + " is not started; it cannot publish " + event.type()));
    }
    return out.publish(event);
  }

  /**
   * Publishes on the internal bus: to every child, to the parent or to every sibling, by
   * reference, on this JVM only. Delivery is asynchronous and in order per receiver; a scope
   * with nobody in it (no parent, no children) delivers to nobody.
   */
  public final void publishInternal(Event event, Scope scope) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(scope, "scope");
    switch (scope) {
      case CHILDREN -> {
        for (Container child : children.list()) {
          sendInternal(child, event);
        }
      }
      case PARENT -> {
        if (parent != null) {
          sendInternal(parent, event);
        }
      }
      case SIBLINGS -> {
        if (parent != null) {
          for (Container sibling : parent.children.list()) {
            if (sibling != this) {
              sendInternal(sibling, event);
            }
          }
        }
      }
      case GLOBAL -> throw new IllegalArgumentException(
          "GLOBAL is not an internal scope; use publishExternal for events that leave the container");
    }
  }

  private void sendInternal(Container to, Event event) {
    eventsOut.increment();
    internal.send(to.internalAddress, event);
  }

  /** Sends the pending fast-tier batch now; call from the container's context. */
  public final void flush() {
    ExternalPublisher out = external;
    if (out != null) {
      out.flush();
    }
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public final Future<?> start() throws Exception {
    if (spec == null) {
      throw new IllegalStateException(getClass().getName() + " was deployed without bind(spec, router)");
    }
    state = ContainerState.STARTING;
    internal = new InternalBus(vertx.eventBus(), internalAddress, router.inFlight());
    router.registerContainer(id(), parent == null ? null : parent.id(), spec.publications());
    external = new ExternalPublisher(router, id(), context, components, reliable, eventsOut);
    external.open();
    return internal.open(event -> {
          eventsIn.increment();
          onInternalEvent(event);
        })
        .compose(v -> {
          try {
            return setUp();
          } catch (Exception e) {
            return Future.failedFuture(e);
          }
        })
        .compose(v -> subscribeAll())
        .compose(v -> children.deployAll(vertx))
        .onSuccess(v -> state = ContainerState.RUNNING)
        .onFailure(e -> state = ContainerState.FAILED);
  }

  private Future<Void> subscribeAll() {
    List<Future<SubscriptionHandle>> all = new ArrayList<>();
    for (Subscription s : spec.subscriptions()) {
      all.add(router.subscribe(s, inbound).onSuccess(subscriptions::add));
    }
    return Future.all(all).mapEmpty();
  }

  /**
   * The handler that hands router events to {@link #onExternalEvent} with this container's
   * delivery rules; for a container that subscribes itself to more than its spec names.
   */
  protected final AsyncEventHandler externalHandler() {
    return inbound;
  }

  /**
   * Deploys a new child under this running container (a runtime change, e.g. from the HTTP
   * API): from this container's context, so Vert.x undeploys it with this container; then its
   * {@link #onSystemStarted()} runs. On failure the child is not kept.
   *
   * @throws IllegalStateException (as a failed Future) when this container is not running or
   *     the child is already bound to a parent
   */
  public final Future<Void> deployChild(Container child) {
    Objects.requireNonNull(child, "child");
    if (state != ContainerState.RUNNING) {
      return Future.failedFuture(new IllegalStateException("container " + id() + " is " + state
          + "; children are added to a running container"));
    }
    if (child.parent != null || child.state != ContainerState.CREATED) {
      return Future.failedFuture(new IllegalStateException("container " + child + " is already deployed or has a parent"));
    }
    return children.deploy(this, context, vertx, child);
  }

  /**
   * Undeploys one child (and with it its own children) and forgets it; see {@link #stop()} for
   * what undeploying drains.
   *
   * @throws IllegalArgumentException (as a failed Future) when it is not a child of this container
   */
  public final Future<Void> undeployChild(Container child) {
    Objects.requireNonNull(child, "child");
    if (!children.contains(child)) {
      return Future.failedFuture(new IllegalArgumentException(child + " is not a child of " + this));
    }
    return children.undeploy(context, vertx, child);
  }

  /** Runs {@link #onSystemStarted()} here and, after it, in every child. */
  final void systemStarted() {
    context.runOnContext(v -> {
      try {
        onSystemStarted();
      } catch (Throwable t) {
        log.error("container {} failed in onSystemStarted", id(), t);
      }
      for (Container child : children.list()) {
        child.systemStarted();
      }
    });
  }

  @Override
  public final Future<?> stop() throws Exception {
    state = ContainerState.STOPPING;
    Future<?> down;
    try {
      down = tearDown();
    } catch (Exception e) {
      down = Future.failedFuture(e);
    }
    return down
        .recover(e -> {
          log.error("container {} failed in tearDown", id(), e);
          return Future.succeededFuture();
        })
        .compose(v -> {
          flush();
          List<Future<Void>> drained = new ArrayList<>();
          for (SubscriptionHandle h : subscriptions) {
            drained.add(h.unsubscribe());
          }
          subscriptions.clear();
          return Future.join(drained);
        })
        .eventually(() -> {
          router.unregisterContainer(id());
          external.close();
          state = ContainerState.STOPPED;
          return internal.close();
        });
  }

  @Override
  public String toString() {
    return spec == null ? getClass().getSimpleName() + "(unbound)" : type() + ":" + id();
  }
}
