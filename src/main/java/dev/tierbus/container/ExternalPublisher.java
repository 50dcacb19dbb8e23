package dev.tierbus.container;

import dev.tierbus.event.Event;
import dev.tierbus.event.Tier;
import dev.tierbus.router.SourcePublisher;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.atomic.LongAdder;

/**
 * A container's way out through the router, from its start to its stop.
 *
 * <p>On the container's own context an event goes straight to its {@link SourcePublisher}
 * (the fast path: batched, no locks); from any other thread it is handed to that context
 * first, so order per (source, symbol) holds either way. A reliable-tier event published while
 * the container handles a reliable-tier event is given to its {@link ComponentChain} as an
 * effect of that event: its delivery is confirmed only once this one is journalled.
 */
final class ExternalPublisher {

  private final TieredEventRouter router;
  private final String source;
  private final Context context;
  private final ComponentChain components;
  private final ReliableHandling reliable;
  private final LongAdder eventsOut;
  private volatile SourcePublisher publisher;

  ExternalPublisher(TieredEventRouter router, String source, Context context, ComponentChain components,
      ReliableHandling reliable, LongAdder eventsOut) {
    this.router = router;
    this.source = source;
    this.context = context;
    this.components = components;
    this.reliable = reliable;
    this.eventsOut = eventsOut;
  }

  /** Takes the router's publisher for the source; call on the container's context. */
  void open() {
    publisher = router.publisher(source);
  }

  /** See {@link Container#publishExternal}. */
  Future<Void> publish(Event event) {
    SourcePublisher p = publisher;
    if (p == null) {
      return Future.failedFuture(new IllegalStateException(
          "container " + source + " is not started; it cannot publish " + event.type()));
    }
    eventsOut.increment();
    Future<Void> published = p.isOnContext() ? p.publish(event) : publishFromElsewhere(p, event);
    if (reliable.active() && router.tierOf(source, event.type()) == Tier.RELIABLE) {
      // published while a reliable-tier event is handled: that delivery waits for the journal
      components.publishedReliable(published);
    }
    return published;
  }

  private Future<Void> publishFromElsewhere(SourcePublisher p, Event event) {
    Promise<Void> done = Promise.promise();
    // counted while it waits for the context, so the node is not seen quiet in between
    router.inFlight().begin(1);
    context.runOnContext(v -> {
      try {
        p.publish(event).onComplete(done);
      } finally {
        router.inFlight().end(1);
      }
    });
    return done.future();
  }

  /** Sends the pending fast-tier batch now; call on the container's context. */
  void flush() {
    SourcePublisher p = publisher;
    if (p != null) {
      p.flush();
    }
  }

  /** Stops publishing: later calls fail with "not started". */
  void close() {
    publisher = null;
  }
}
