package dev.tierbus.container;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Payload;
import dev.tierbus.router.Scope;
import io.vertx.core.Future;

/**
 * How a component publishes: to its sibling components (a direct call), on the container's
 * internal bus, or through the router to other containers.
 */
public interface Emitter {

  /** Id of the container the component lives in; the source of what it publishes. */
  String containerId();

  /** A new event with this container as its source. */
  Event event(EventType type, String symbol, long timeNanos, Payload payload);

  /** Hands the event to the other components of this container now, as direct calls. */
  void emit(Event event);

  /** Publishes on the internal bus to the children, the parent or the siblings. */
  void publishInternal(Event event, Scope scope);

  /** Publishes through the router; see {@link Container#publishExternal(Event)}. */
  Future<Void> publishExternal(Event event);
}
