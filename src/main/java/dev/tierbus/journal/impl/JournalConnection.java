package dev.tierbus.journal.impl;

import dev.tierbus.event.Event;
import dev.tierbus.journal.JournalOptions;
import dev.tierbus.journal.JournalUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The tier's hold on its journal: opening it (schema, epoch, dead-letter count, recovery of
 * this node's undelivered rows), noticing that it failed, probing it until it answers again,
 * and the periodic lease renewal and purge of delivered rows.
 *
 * <pre>
 *   open ──ok──► usable ──append/outcome/lease fails──► unreachable ──probe ok──► usable
 *     └─fails──► not open ──every reconnect_interval_ms: open again
 * </pre>
 *
 * <p>State changes on the tier's context; the flags are read from any thread.
 */
final class JournalConnection {

  private static final int RECOVERY_PAGE = 5_000;
  private static final long PURGE_PAUSE_MS = 10;

  private final ReliableTierImpl tier;
  private final Vertx vertx;
  private final JournalStore store;
  private final JournalOptions options;
  private volatile boolean started;
  private volatile boolean reachable;
  private volatile boolean closed;
  private volatile String lastError;
  private long reconnectTimer = -1;
  private long leaseTimer = -1;
  private long purgeTimer = -1;
  private boolean purging;

  JournalConnection(ReliableTierImpl tier, JournalStore store, JournalOptions options) {
    this.tier = tier;
    this.vertx = tier.vertx();
    this.store = store;
    this.options = options;
  }

  /** True when appends may be tried: the journal is open and reachable, the tier not closed. */
  boolean usable() {
    return started && reachable && !closed;
  }

  boolean reachable() {
    return reachable;
  }

  /** Why the journal cannot be used now, or null when it can. */
  String problem() {
    if (closed) {
      return "the reliable tier is closed";
    }
    if (usable()) {
      return null;
    }
    return lastError != null ? lastError : "the journal is not open yet";
  }

  /**
   * Opens the journal; completes after the attempt whether or not it worked (a failed one is
   * retried every {@code reconnect_interval_ms}).
   */
  Future<Void> open() {
    return store.start()
        .compose(epoch -> {
          tier.writer().epoch(epoch);
          return store.countDead();
        })
        .compose(dead -> {
          tier.counters().deadLetters.set(dead);
          return recover(0);
        })
        .onSuccess(v -> {
          started = true;
          reachable = true;
          lastError = null;
          tier.log().info("reliable tier: journal {} open; {} undelivered deliveries recovered, {} dead letters",
              store.describe(), tier.counters().recovered.sum(), tier.counters().deadLetters.get());
          startTimers();
          tier.writer().pump();
        })
        .onFailure(e -> {
          failed(e);
          tier.log().error("reliable tier: cannot open the journal {}: {}; publishing on the reliable tier fails"
              + " until it can, retrying every {} ms", store.describe(), e.toString(), options.getReconnectIntervalMs());
        })
        .<Void>mapEmpty()
        .recover(e -> Future.succeededFuture());
  }

  /** Queues this node's undelivered rows, page by page, in journal order, flagged redelivered. */
  private Future<Void> recover(long afterId) {
    return store.loadPending(afterId, RECOVERY_PAGE).compose(rows -> {
      for (JournalRow row : rows) {
        tier.counters().pending.incrementAndGet();
        tier.inFlight().begin(1);
        tier.counters().recovered.increment();
        tier.dispatcher().enqueue(new Delivery(row.deliveryId(), row.subscriber(), row.event(), 0, row.attempts(),
            true));
      }
      if (rows.size() < RECOVERY_PAGE) {
        return Future.succeededFuture();
      }
      return recover(rows.get(rows.size() - 1).deliveryId());
    });
  }

  /** Records that the journal failed; publishes fail until a probe succeeds. Tier context. */
  void failed(Throwable cause) {
    lastError = String.valueOf(cause.getMessage() == null ? cause : cause.getMessage());
    boolean was = reachable;
    reachable = false;
    if (was && !closed) { // after close, writes still under way fail as the pool closes: no outage
      tier.log().error("reliable tier: journal {} unreachable: {}; reliable publishes fail until it is back",
          store.describe(), lastError);
    }
    if (reconnectTimer == -1 && !closed) {
      reconnectTimer = vertx.setTimer(options.getReconnectIntervalMs(), t -> {
        reconnectTimer = -1;
        reconnect();
      });
    }
  }

  private void reconnect() {
    if (closed) {
      return;
    }
    if (!started) {
      open();
      return;
    }
    store.probe().onComplete(ar -> {
      if (ar.succeeded()) {
        reachable = true;
        lastError = null;
        tier.log().info("reliable tier: journal {} reachable again", store.describe());
        tier.writer().pump();
      } else {
        failed(ar.cause());
      }
    });
  }

  private void startTimers() {
    if (leaseTimer == -1) {
      leaseTimer = vertx.setPeriodic(Math.max(1_000, options.getLeaseMs() / 3), t -> {
        if (usable()) {
          store.renewLease().onFailure(this::failed);
        }
      });
    }
    if (purgeTimer == -1 && options.getRetentionMs() > 0) {
      long every = Math.max(1_000, Math.min(60_000, options.getRetentionMs() / 10));
      purgeTimer = vertx.setPeriodic(every, t -> {
        if (usable() && !purging) {
          purging = true;
          purge().onComplete(ar -> {
            purging = false;
            if (ar.failed()) {
              tier.log().warn("reliable tier: purging delivered rows failed: {}", ar.cause().toString());
            }
          });
        }
      });
    }
  }

  /**
   * Deletes what the retention lets go, batch after batch (each a short statement of its own,
   * with a pause between them for the commits) until a batch comes back short.
   */
  private Future<Void> purge() {
    return store.purgeDelivered().compose(n -> {
      if (n < store.purgeBatch() || !usable()) {
        return Future.succeededFuture();
      }
      io.vertx.core.Promise<Void> next = io.vertx.core.Promise.promise();
      vertx.setTimer(PURGE_PAUSE_MS, t -> purge().onComplete(next));
      return next.future();
    });
  }

  /** The exception a publish fails with while the journal cannot take it. */
  JournalUnavailableException unavailable(Event event, Throwable cause) {
    String why = cause != null ? String.valueOf(cause.getMessage() == null ? cause : cause.getMessage())
        : problem() != null ? problem() : "the journal failed";
    return new JournalUnavailableException("reliable tier: journal " + store.describe() + " unreachable (" + why
        + "); " + event.type() + " from " + event.source() + " was not published", cause);
  }

  /** Takes no more appends and stops the timers (the journal itself is closed by the tier). */
  void close() {
    closed = true;
    for (long timer : new long[] {reconnectTimer, leaseTimer, purgeTimer}) {
      if (timer != -1) {
        vertx.cancelTimer(timer);
      }
    }
  }
}
