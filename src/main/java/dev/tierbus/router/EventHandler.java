package dev.tierbus.router;

import dev.tierbus.event.Event;

/**
 * Receives the events of one subscription.
 *
 * <p>Calls for one subscription never overlap and arrive in publish order per source (fast
 * tier: per source and symbol). An exception thrown by the handler is counted, logged and
 * routed to the router's error handler; the subscription keeps receiving. On the reliable tier
 * a throw fails the delivery (retried, then dead-lettered) and returning confirms it; a handler
 * whose effect completes later is an {@link AsyncEventHandler}.
 */
@FunctionalInterface
public interface EventHandler {
  void handle(Event event) throws Exception;
}
