package dev.tierbus.container;

import dev.tierbus.event.Event;

/**
 * Anything that handles events inside a container; a lambda is a component.
 *
 * <p>A component gets every event its container receives (external subscriptions and the
 * internal bus), in order, one at a time, as a direct method call. It publishes through the
 * {@link Emitter} it is handed and never extends a framework class. An exception is counted
 * and logged with the component's name; the next event is delivered as usual. For an event of
 * the reliable tier an exception also fails the delivery, which is then retried with backoff
 * and dead-lettered after the last attempt; returning normally confirms it once the
 * reliable-tier events the component published meanwhile are journalled. A component whose
 * effect completes later is an {@link AsyncComponent}.
 */
@FunctionalInterface
public interface Component {
  void onEvent(Event event, Emitter out) throws Exception;
}
