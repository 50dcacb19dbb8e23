package dev.tierbus.router.impl;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventBatch;
import dev.tierbus.event.Tier;
import dev.tierbus.router.SourcePublisher;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;

/**
 * The publisher of one source, confined to one Vert.x context: fast-tier events are appended
 * to an array and flushed as one {@link EventBatch} on size or age; other tiers are routed at
 * once.
 *
 * <p>The hot path per fast event is a tier lookup, an array store and a size check; the
 * context check and the routing-table version check happen once per batch.
 *
 * <p>Age flush without a timer per batch: when a batch starts, a check is queued behind the
 * publisher's current task (no timer, no wake-up); if the batch is still open when that task
 * ends, a timer of {@code T} is armed for it. A source that fills its batches by size within
 * a turn therefore costs one cheap check per turn, and a batch that outlives its turn is sent
 * {@code T} after the turn it started in ended (Vert.x timers have millisecond resolution).
 * With {@code T = 0} an open batch is sent when the turn ends.
 */
final class BatchingPublisher implements SourcePublisher {

  private final TieredEventRouterImpl router;
  private final String source;
  private final ContextInternal context;
  private final Vertx vertx;
  private final int batchSize;
  private final long maxAgeMs;

  private SourceRoutes routes;
  private Event[] buffer;
  private int count;
  private long firstNanos;
  private long batchSeq;
  private long timedSeq = -1;
  private boolean turnCheckQueued;

  BatchingPublisher(TieredEventRouterImpl router, String source, Context context) {
    this.router = router;
    this.source = source;
    this.context = ((ContextInternal) context).unwrap();
    this.vertx = context.owner();
    this.batchSize = router.options().getFast().getBatchSize();
    this.maxAgeMs = router.options().getFast().getMaxBatchAgeMs();
    this.buffer = new Event[batchSize];
    this.routes = router.table.routesFor(source);
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public Future<Void> publish(Event event) {
    SourceRoutes r = routes;
    if (r.version != router.table.version()) {
      r = routes = router.table.routesFor(source);
    }
    Tier tier = r.tierByType[event.type().code()];
    if (tier != Tier.FAST) {
      return router.route(source, event, tier, r);
    }
    if (count == 0) {
      startBatch();
    }
    buffer[count++] = event;
    if (count == batchSize) {
      flush();
    }
    return TieredEventRouterImpl.DONE;
  }

  @Override
  public boolean isOnContext() {
    ContextInternal current = ContextInternal.current();
    return current != null && current.unwrap() == context;
  }

  private void startBatch() {
    if (!isOnContext()) {
      throw new IllegalStateException("publisher of '" + source
          + "' used off its context; publish from its context or use TieredEventRouter.publish(event)");
    }
    router.checkOpen();
    router.inFlight.begin(1); // the open batch: ended once it is handed to the fast tier
    firstNanos = System.nanoTime();
    if (!turnCheckQueued) {
      turnCheckQueued = true;
      context.runOnContext(v -> endOfTurn());
    }
  }

  /** Runs after the task that started a batch: times the batch that is still open, if any. */
  private void endOfTurn() {
    turnCheckQueued = false;
    if (count == 0 || timedSeq == batchSeq) {
      return;
    }
    if (maxAgeMs == 0) {
      flush();
      return;
    }
    final long seq = batchSeq;
    timedSeq = seq;
    vertx.setTimer(maxAgeMs, id -> {
      if (seq == batchSeq && count > 0) {
        flush();
      }
    });
  }

  @Override
  public void flush() {
    if (count == 0) {
      return;
    }
    EventBatch batch = new EventBatch(source, buffer, count, firstNanos);
    buffer = new Event[batchSize];
    count = 0;
    batchSeq++;
    SourceRoutes r = routes;
    if (r.version != router.table.version()) {
      r = routes = router.table.routesFor(source);
    }
    router.fast.deliver(batch, r);
    router.inFlight.end(1);
  }
}
