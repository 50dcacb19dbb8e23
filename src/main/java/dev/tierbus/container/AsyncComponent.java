package dev.tierbus.container;

import dev.tierbus.event.Event;
import io.vertx.core.Future;

/**
 * A component whose effect completes after it returns: a write made durable later, a call to
 * another service. Added with {@link Container#addAsyncComponent}.
 *
 * <p>For an event of the reliable tier the container confirms the delivery only when the
 * returned Future has succeeded (with the Futures of the container's other components and of
 * the reliable-tier events they published while handling it); a failed Future fails the
 * delivery, which is retried with backoff and dead-lettered after the last attempt. The next
 * event may be handed over before the Future completes. For other events the Future is not
 * waited for; a failed one is counted and logged as a component error. A null Future means
 * "done".
 */
@FunctionalInterface
public interface AsyncComponent {
  Future<?> onEvent(Event event, Emitter out) throws Exception;
}
