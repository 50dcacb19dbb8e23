package dev.tierbus.container;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Payload;
import dev.tierbus.router.Scope;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The components of one container, in the order they were added: every event is handed to
 * each of them as a direct call, on the container's context.
 *
 * <p>Each component gets its own {@link Emitter}; what it {@link Emitter#emit emits} reaches
 * the other components at once (before {@code emit} returns), never itself. A component that
 * throws, or whose {@link AsyncComponent} Future fails, is counted and logged with its name;
 * the others still get the event. {@link #dispatch} tells the caller how it went, so that the
 * container can fail a reliable-tier delivery.
 */
final class ComponentChain {

  private static final Logger log = LoggerFactory.getLogger(ComponentChain.class);

  private final Container owner;
  private final List<Link> links = new ArrayList<>();
  private final LongAdder errors = new LongAdder();

  /**
   * The dispatch under way on this thread: the effects still pending of its components and of
   * those reached through {@code emit}. Per thread, because an event-loop container's
   * standard-tier events run on the router's pool while its event loop runs its own.
   */
  private static final ThreadLocal<Dispatch> CURRENT = ThreadLocal.withInitial(Dispatch::new);

  private static final class Dispatch {
    boolean active;
    /** The event being handled came by the reliable tier: its reliable-tier publishes are effects too. */
    boolean reliable;
    List<Future<?>> pending;

    void add(Future<?> effect) {
      if (pending == null) {
        pending = new ArrayList<>(2);
      }
      pending.add(effect);
    }
  }

  ComponentChain(Container owner) {
    this.owner = owner;
  }

  void add(String name, Component component) {
    add(new Link(name, component, null));
  }

  void addAsync(String name, AsyncComponent component) {
    add(new Link(name, null, component));
  }

  private void add(Link link) {
    for (Link l : links) {
      if (l.name.equals(link.name)) {
        throw new IllegalArgumentException("container " + owner.id() + " already has a component named " + link.name);
      }
    }
    links.add(link);
  }

  /**
   * Hands {@code event} to every component, in order.
   *
   * @return completes when every component returned and every {@link AsyncComponent} Future
   *     (also of components reached through {@link Emitter#emit}) succeeded; fails with the
   *     first failure, other failures added as suppressed. Never null; an already completed
   *     Future when nothing is pending.
   */
  Future<Void> dispatch(Event event) {
    return dispatch(event, false);
  }

  /**
   * {@link #dispatch(Event)}; with {@code reliable}, the reliable-tier publishes the components
   * make while handling it ({@link #publishedReliable}) are among the effects waited for.
   */
  Future<Void> dispatch(Event event, boolean reliable) {
    Dispatch d = CURRENT.get();
    boolean outerActive = d.active;
    boolean outerReliable = d.reliable;
    List<Future<?>> outer = d.pending;
    d.active = true;
    d.reliable = reliable;
    d.pending = null;
    Throwable failure;
    List<Future<?>> pending;
    try {
      failure = dispatch(event, null, d);
    } finally {
      pending = d.pending;
      d.active = outerActive;
      d.reliable = outerReliable;
      d.pending = outer;
    }
    if (failure != null) {
      return Future.failedFuture(failure);
    }
    if (pending == null) {
      return Future.succeededFuture();
    }
    return Future.all(pending).mapEmpty();
  }

  /**
   * A reliable-tier publish of this container: when it is made while a reliable-tier event is
   * being handled on this thread, that event's delivery waits for it to be journalled.
   */
  void publishedReliable(Future<Void> journalled) {
    Dispatch d = CURRENT.get();
    if (d.active && d.reliable && !journalled.succeeded()) {
      d.add(journalled);
    }
  }

  /** Calls every component but {@code from}; returns the first synchronous failure, or null. */
  private Throwable dispatch(Event event, Link from, Dispatch d) {
    Throwable failure = null;
    for (int i = 0, n = links.size(); i < n; i++) {
      Link l = links.get(i);
      if (l == from) {
        continue;
      }
      try {
        Future<?> effect = l.call(event);
        if (effect != null && !effect.succeeded()) {
          if (effect.failed()) {
            failure = failed(l, event, effect.cause(), failure);
          } else {
            effect.onFailure(t -> failed(l, event, t, null));
            if (d.active) {
              d.add(effect);
            }
          }
        }
      } catch (Throwable t) {
        failure = failed(l, event, t, failure);
      }
    }
    return failure;
  }

  private Throwable failed(Link l, Event event, Throwable t, Throwable earlier) {
    errors.increment();
    log.error("component {} of container {} failed on {} {}", l.name, owner.id(), event.type(), event.symbol(), t);
    if (earlier == null) {
      return t;
    }
    if (earlier != t) {
      earlier.addSuppressed(t);
    }
    return earlier;
  }

  List<String> names() {
    List<String> names = new ArrayList<>(links.size());
    for (Link l : links) {
      names.add(l.name);
    }
    return names;
  }

  long errors() {
    return errors.sum();
  }

  /** One component in the chain, and the emitter it is handed. */
  private final class Link implements Emitter {
    final String name;
    final Component component;
    final AsyncComponent asyncComponent;

    Link(String name, Component component, AsyncComponent asyncComponent) {
      this.name = name;
      this.component = component;
      this.asyncComponent = asyncComponent;
    }

    Future<?> call(Event event) throws Exception {
      if (component != null) {
        component.onEvent(event, this);
        return null;
      }
      return asyncComponent.onEvent(event, this);
    }

    @Override
    public String containerId() {
      return owner.id();
    }

    @Override
    public Event event(EventType type, String symbol, long timeNanos, Payload payload) {
      return owner.event(type, symbol, timeNanos, payload);
    }

    @Override
    public void emit(Event event) {
      Dispatch d = CURRENT.get();
      Throwable failure = dispatch(event, this, d);
      if (failure != null && d.active) {
        // the event whose handling emitted this one fails with it
        d.add(Future.failedFuture(failure));
      }
    }

    @Override
    public void publishInternal(Event event, Scope scope) {
      owner.publishInternal(event, scope);
    }

    @Override
    public Future<Void> publishExternal(Event event) {
      return owner.publishExternal(event);
    }
  }
}
