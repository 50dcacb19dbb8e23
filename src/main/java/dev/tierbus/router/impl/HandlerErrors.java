package dev.tierbus.router.impl;

import dev.tierbus.event.Event;
import dev.tierbus.metrics.LogThrottle;
import io.vertx.core.Handler;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a subscriber's handler failures go once counted: a log line (at most one per second,
 * so a handler failing on every event cannot flood the log) and the router's exception handler.
 * A failure is reported, never propagated: the subscription keeps receiving.
 */
final class HandlerErrors {

  // the lines keep the name they were always logged under
  private static final Logger log = LoggerFactory.getLogger(TieredEventRouterImpl.class);

  private final LogThrottle logged = LogThrottle.perInterval(Duration.ofSeconds(1));
  private volatile Handler<Throwable> exceptionHandler;

  /** Sets the handler called with every failure (null: none). */
  void exceptionHandler(Handler<Throwable> handler) {
    this.exceptionHandler = handler;
  }

  /** Reports that the handler of {@code route} threw {@code t} on {@code event}. */
  void report(RouteImpl route, Event event, Throwable t) {
    if (logged.shouldLog()) {
      log.error("handler of {} failed on {} {} from {}", route, event.type(), event.symbol(), event.source(), t);
    }
    Handler<Throwable> h = exceptionHandler;
    if (h != null) {
      try {
        h.handle(t);
      } catch (Throwable ignored) {
        // an exception handler that throws must not stop delivery
      }
    }
  }
}
