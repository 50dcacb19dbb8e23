package dev.tierbus.router;

import dev.tierbus.event.Event;
import io.vertx.core.Future;

/**
 * One subscription as seen by a {@link DeliveryTier}: where a matching event goes.
 */
public interface Route {

  String subscriptionId();

  String subscriberId();

  /**
   * Runs the subscription's handler for {@code event} off the event loop and completes when
   * the handler returned (failed when it threw).
   */
  Future<Void> deliver(Event event);
}
