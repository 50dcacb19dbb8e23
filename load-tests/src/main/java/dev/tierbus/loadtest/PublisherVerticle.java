package dev.tierbus.loadtest;

import dev.tierbus.router.SourcePublisher;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;

/**
 * The publishing container of a case: a {@link SourcePublisher} on this verticle's event loop
 * that publishes in turns on that loop, yielding it in between as a feed handler does.
 *
 * <p>{@link #publishFor} starts a phase's clock on the event loop and runs the first
 * {@link #turn()}; a paced turn publishes what {@link #due} allows (a token bucket at the
 * verticle's rate, counted from the start of the phase), and the turn that finds
 * {@link #deadline} passed completes {@link #done}.
 *
 * @param <R> what a phase completes with
 */
abstract class PublisherVerticle<R> extends VerticleBase {

  private final TieredEventRouter router;
  final String source;
  /** Events per nanosecond; 0: unpaced. */
  final double ratePerNano;
  SourcePublisher publisher;
  long start;
  long deadline;
  Promise<R> done;
  /** The event-loop thread the verticle started on. */
  volatile String thread;

  PublisherVerticle(TieredEventRouter router, String source, double ratePerSec) {
    this.router = router;
    this.source = source;
    this.ratePerNano = ratePerSec / 1e9;
  }

  @Override
  public Future<?> start() {
    publisher = router.publisher(source);
    thread = Thread.currentThread().getName();
    return Future.succeededFuture();
  }

  /** Publishes for {@code millis} from the event loop; completes when a turn completes {@link #done}. */
  Future<R> publishFor(long millis) {
    Promise<R> promise = Promise.promise();
    context.runOnContext(v -> {
      done = promise;
      start = System.nanoTime();
      deadline = start + millis * 1_000_000L;
      turn();
    });
    return promise.future();
  }

  /** Tokens accrued by {@code now} and not {@code used} yet, at most {@code max}: what a paced turn may publish. */
  final long due(long now, long used, long max) {
    return Math.min(max, (long) ((now - start) * ratePerNano) - used);
  }

  /** One turn on the event loop: publishes, then schedules the next turn or completes {@link #done}. */
  abstract void turn();
}
