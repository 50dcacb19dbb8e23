package dev.tierbus.router;

import dev.tierbus.event.Event;
import io.vertx.core.Future;

/**
 * A handler whose effect may complete after it returns — a write that is made durable later,
 * a publish that is journalled later.
 *
 * <p>On the reliable tier the delivery is confirmed only when the returned Future succeeds; a
 * Future that fails (or a throw) fails the delivery, which is retried with backoff and
 * dead-lettered after the last attempt, like a handler that throws. The handler is called for
 * the next event of its subscription without waiting for the Future, so effects of several
 * deliveries can be made durable together (group fsync); a delivery is confirmed once its own
 * Future and those of the events before it in its lane succeeded. A null Future means "done".
 *
 * <p>The fast and standard tiers confirm nothing and call {@link #handle}: by default the
 * Future is not waited for; one that has already failed when it is returned counts as a throw
 * (counted and reported as a handler error), one that fails later is the handler's to report.
 */
@FunctionalInterface
public interface AsyncEventHandler extends EventHandler {

  /** Handles {@code event}; the Future completes when its effect is done (durable). */
  Future<?> handleAsync(Event event) throws Exception;

  @Override
  default void handle(Event event) throws Exception {
    Future<?> effect = handleAsync(event);
    if (effect != null && effect.failed()) {
      Throwable t = effect.cause();
      if (t instanceof Exception e) {
        throw e;
      }
      throw new IllegalStateException(t);
    }
  }
}
