package dev.tierbus.router.impl;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventBatch;
import dev.tierbus.event.Tier;
import dev.tierbus.router.FastTierOptions;
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
 * <p>The hot path per fast event is a routing-table version read, a tier lookup, an array
 * store and a size check; the context check happens once per batch.
 *
 * <p>Age flush without a timer per batch: when a batch starts, a check is queued behind the
 * publisher's current task (no timer, no wake-up); if the batch is still open when that task
 * ends, a timer of {@code T} is armed for it. A source that fills its batches by size within
 * a turn therefore costs one cheap check per turn, and a batch that outlives its turn is sent
 * {@code T} after the turn it started in ended (Vert.x timers have millisecond resolution).
 * With {@code T = 0} an open batch is sent when the turn ends.
 */
final class BatchingPublisher implements SourcePublisher {

  private final String source;
  private final ContextInternal context;
  private final Vertx vertx;
  private final int batchSize;
  private final long maxAgeMs;
  private final RoutingTable table;
  private final Tiers tiers;
  private final InFlightCounter inFlight;

  private SourceRoutes routes;
  private Event[] buffer;
  private int count;
  private long firstNanos;
  private long batchSeq;
  private long timedSeq = -1;
  private boolean turnCheckQueued;

  BatchingPublisher(String source, Context context, FastTierOptions options, RoutingTable table, Tiers tiers,
                    InFlightCounter inFlight) {
    this.source = source;
    this.context = ((ContextInternal) context).unwrap();
    this.vertx = context.owner();
    this.batchSize = options.getBatchSize();
    this.maxAgeMs = options.getMaxBatchAgeMs();
    this.table = table;
    this.tiers = tiers;
    this.inFlight = inFlight;
    this.buffer = new Event[batchSize];
    this.routes = table.routesFor(source);
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public Future<Void> publish(Event event) {
    SourceRoutes r = current();
    Tier tier = r.tierOf(event.type());
    if (tier != Tier.FAST) {
      return tiers.route(source, event, tier, r);
    }
    if (count == 0) {
      startBatch();
    }
    buffer[count++] = event;
    if (count == batchSize) {
      flush();
    }
    return Tiers.DONE;
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
    tiers.checkOpen();
    inFlight.begin(1); // the open batch: ended once it is handed to the fast tier
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
    tiers.deliver(batch, current());
    inFlight.end(1);
  }

  /** This source's routes, rebuilt when the routing table changed since they were taken. */
  private SourceRoutes current() {
    SourceRoutes r = routes;
    if (r.version() != table.version()) {
      r = routes = table.routesFor(source);
    }
    return r;
  }
}
