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
 * throws is counted and logged with its name; the others still get the event.
 */
final class ComponentChain {

  private static final Logger log = LoggerFactory.getLogger(ComponentChain.class);

  private final Container owner;
  private final List<Link> links = new ArrayList<>();
  private final LongAdder errors = new LongAdder();

  ComponentChain(Container owner) {
    this.owner = owner;
  }

  void add(String name, Component component) {
    for (Link l : links) {
      if (l.name.equals(name)) {
        throw new IllegalArgumentException("container " + owner.id() + " already has a component named " + name);
      }
    }
    links.add(new Link(name, component));
  }

  /** Hands {@code event} to every component, in order. */
  void dispatch(Event event) {
    dispatch(event, null);
  }

  private void dispatch(Event event, Link from) {
    for (int i = 0, n = links.size(); i < n; i++) {
      Link l = links.get(i);
      if (l == from) {
        continue;
      }
      try {
        l.component.onEvent(event, l);
      } catch (Throwable t) {
        errors.increment();
        log.error("component {} of container {} failed on {} {}", l.name, owner.id(), event.type(), event.symbol(), t);
      }
    }
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

    Link(String name, Component component) {
      this.name = name;
      this.component = component;
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
      dispatch(event, this);
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
