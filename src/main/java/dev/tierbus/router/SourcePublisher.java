package dev.tierbus.router;

import dev.tierbus.event.Event;
import io.vertx.core.Future;

/**
 * Publishes the events of one source (container) into the router.
 *
 * <p>A publisher belongs to the Vert.x context it was created on and must only be used from
 * it: this is what makes fast-tier batching lock-free and keeps per-(source, symbol) order.
 * Other threads publish with {@link TieredEventRouter#publish(Event)}.
 */
public interface SourcePublisher {

  /** The source id every event of this publisher is routed as. */
  String source();

  /**
   * Routes an event on the tier its type (or this source's publication) names.
   *
   * <ul>
   *   <li>fast: appended to the current batch; the Future is already completed, the batch is
   *       flushed on size or age; delivery is best effort.</li>
   *   <li>standard: the Future completes when the event was enqueued for every matching
   *       subscriber, or fails with {@link BackPressureException} naming the full ones.</li>
   *   <li>reliable: the Future completes when the reliable tier says the event is durable.</li>
   * </ul>
   */
  Future<Void> publish(Event event);

  /**
   * True when the calling thread runs on this publisher's context (or on a duplicate of it,
   * as event-bus handlers do), i.e. when {@link #publish} may be called here.
   */
  boolean isOnContext();

  /** Sends the current fast-tier batch now, whatever its size and age. */
  void flush();
}
