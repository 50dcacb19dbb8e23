package dev.tierbus.journal.impl;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventCodec;
import dev.tierbus.event.Tier;
import dev.tierbus.journal.DeadLetters;
import dev.tierbus.journal.JournalOptions;
import dev.tierbus.journal.JournalStatus;
import dev.tierbus.journal.JournalUnavailableException;
import dev.tierbus.journal.ReliableTier;
import dev.tierbus.metrics.TierMetricsSnapshot;
import dev.tierbus.router.BackPressureException;
import dev.tierbus.router.InFlight;
import dev.tierbus.router.ReliableTierOptions;
import dev.tierbus.router.Route;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reliable tier: journal, then deliver with confirmation, retry, dead-letter.
 *
 * <pre>
 * publish (any thread) ─► JournalWriter (group commit) ─► publish Future completes after commit
 *                                  └─► DeliveryDispatcher: lanes per (subscriber, symbol) ─request─►
 *     DeliveryReceiver of the subscriber (handlers in order) ─reply─► confirmed prefix / failure
 *                                  └─► OutcomeWriter: rows marked delivered, attempts, dead letters
 * start: journal schema ─► claim this node's undelivered rows ─► queue them (redelivered) in order
 * </pre>
 *
 * <p>All state but the counters lives on one event-loop context of the tier's own; publishers
 * hand over through the writer's queue, subscriber handlers run on their own executors.
 * Unreachable journal: publishes fail at once with {@link JournalUnavailableException}, the
 * journal is tried again every {@code reconnect_interval_ms}, {@link #status()} says so.
 */
public final class ReliableTierImpl implements ReliableTier {

  private static final Logger log = LoggerFactory.getLogger(ReliableTier.class);
  private static final EventCodec CODEC = new EventCodec();
  private static final int RECOVERY_PAGE = 5_000;
  private static final long ERROR_LOG_INTERVAL_NANOS = 1_000_000_000L;

  /** For a tier without a router: counts nothing. */
  private static final InFlight NO_COUNT = new InFlight() {
    @Override
    public void begin(long n) {}

    @Override
    public void end(long n) {}

    @Override
    public long count() {
      return 0;
    }

    @Override
    public Future<Void> whenZero() {
      return Future.succeededFuture();
    }
  };

  private final Vertx vertx;
  private final InFlight inFlight;
  private final ReliableTierOptions options;
  private final JournalOptions journalOptions;
  private final JournalStore store;
  private final ContextInternal context;
  private final ReliableMetrics metrics = new ReliableMetrics();
  private final JournalWriter writer;
  private final OutcomeWriter outcomes;
  private final DeliveryDispatcher dispatcher;
  private final Map<String, DeliveryReceiver> receivers = new HashMap<>();
  private final DeadLettersImpl deadLetters;
  private final AtomicLong lastErrorLog = new AtomicLong(System.nanoTime() - ERROR_LOG_INTERVAL_NANOS);
  private volatile boolean started;
  private volatile boolean reachable;
  private volatile boolean closed;
  private volatile String lastError;
  private long reconnectTimer = -1;
  private long leaseTimer = -1;
  private long purgeTimer = -1;

  private ReliableTierImpl(Vertx vertx, ReliableTierOptions options, JournalOptions journalOptions, JournalStore store,
      InFlight inFlight) {
    this.vertx = vertx;
    this.inFlight = inFlight;
    this.options = options;
    this.journalOptions = journalOptions;
    this.store = store;
    this.context = ((VertxInternal) vertx).createEventLoopContext();
    this.writer = new JournalWriter(this, options.getCommitBatchRows(), options.getMaxConcurrentCommits());
    this.outcomes = new OutcomeWriter(this);
    this.dispatcher = new DeliveryDispatcher(this, options);
    this.deadLetters = new DeadLettersImpl(this);
    DeliveryCodecs.register(vertx.eventBus());
  }

  /**
   * Creates the tier and makes its first attempt to open the journal (schema, this node's
   * undelivered rows queued for delivery); completes after that attempt either way — when the
   * journal cannot be reached the tier keeps trying and {@link #status()} says why.
   */
  public static Future<ReliableTier> start(Vertx vertx, ReliableTierOptions options, JournalOptions journal,
      InFlight inFlight) {
    options.validate();
    JournalStore store = journal.getStore() == JournalOptions.Store.MEMORY
        ? new MemoryJournalStore()
        : new PgJournalStore(vertx, journal);
    ReliableTierImpl tier = new ReliableTierImpl(vertx, options, journal, store,
        inFlight != null ? inFlight : NO_COUNT);
    Promise<ReliableTier> started = Promise.promise();
    tier.context.runOnContext(v -> tier.open().onComplete(ar -> started.complete(tier)));
    return started.future();
  }

  // ---------------------------------------------------------------- parts' access (tier context)

  Vertx vertx() {
    return vertx;
  }

  Context context() {
    return context;
  }

  JournalStore store() {
    return store;
  }

  JournalOptions journalOptions() {
    return journalOptions;
  }

  ReliableMetrics counters() {
    return metrics;
  }

  /**
   * The router's count of work in flight: a delivery counts from its publish (or recovery, or
   * replay) until it is confirmed, dead, or its publish failed.
   */
  InFlight inFlight() {
    return inFlight;
  }

  DeliveryDispatcher dispatcher() {
    return dispatcher;
  }

  OutcomeWriter outcomes() {
    return outcomes;
  }

  Logger log() {
    return log;
  }

  /** True when appends may be tried: the journal is open and reachable. */
  boolean journalUsable() {
    return started && reachable && !closed;
  }

  /** Runs {@code action} on the tier's context and returns its result there. */
  <T> Future<T> onTier(Supplier<Future<T>> action) {
    Promise<T> p = Promise.promise();
    context.runOnContext(v -> {
      try {
        action.get().onComplete(p);
      } catch (Throwable t) {
        p.fail(t);
      }
    });
    return p.future();
  }

  // ---------------------------------------------------------------- journal lifecycle

  private Future<Void> open() {
    return store.start()
        .compose(epoch -> {
          writer.epoch(epoch);
          return store.countDead();
        })
        .compose(dead -> {
          metrics.deadLetters.set(dead);
          return recover(0);
        })
        .onSuccess(v -> {
          started = true;
          reachable = true;
          lastError = null;
          log.info("reliable tier: journal {} open; {} undelivered deliveries recovered, {} dead letters",
              store.describe(), metrics.recovered.sum(), metrics.deadLetters.get());
          startTimers();
          writer.pump();
        })
        .onFailure(e -> {
          journalFailed(e);
          log.error("reliable tier: cannot open the journal {}: {}; publishing on the reliable tier fails until it"
              + " can, retrying every {} ms", store.describe(), e.toString(), journalOptions.getReconnectIntervalMs());
        })
        .<Void>mapEmpty()
        .recover(e -> Future.succeededFuture());
  }

  /** Queues this node's undelivered rows, page by page, in journal order, flagged redelivered. */
  private Future<Void> recover(long afterId) {
    return store.loadPending(afterId, RECOVERY_PAGE).compose(rows -> {
      for (JournalRow row : rows) {
        metrics.pending.incrementAndGet();
        inFlight.begin(1);
        metrics.recovered.increment();
        dispatcher.enqueue(new Delivery(row.deliveryId(), row.subscriber(), row.event(), 0, row.attempts(), true));
      }
      if (rows.size() < RECOVERY_PAGE) {
        return Future.succeededFuture();
      }
      return recover(rows.get(rows.size() - 1).deliveryId());
    });
  }

  /** Records that the journal failed; publishes fail until a probe succeeds. Tier context. */
  void journalFailed(Throwable cause) {
    lastError = String.valueOf(cause.getMessage() == null ? cause : cause.getMessage());
    boolean was = reachable;
    reachable = false;
    if (was) {
      log.error("reliable tier: journal {} unreachable: {}; reliable publishes fail until it is back",
          store.describe(), lastError);
    }
    if (reconnectTimer == -1 && !closed) {
      reconnectTimer = vertx.setTimer(journalOptions.getReconnectIntervalMs(), t -> {
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
        log.info("reliable tier: journal {} reachable again", store.describe());
        writer.pump();
      } else {
        journalFailed(ar.cause());
      }
    });
  }

  private void startTimers() {
    if (leaseTimer == -1) {
      leaseTimer = vertx.setPeriodic(Math.max(1_000, journalOptions.getLeaseMs() / 3), t -> {
        if (journalUsable()) {
          store.renewLease().onFailure(this::journalFailed);
        }
      });
    }
    if (purgeTimer == -1) {
      long every = Math.max(1_000, Math.min(60_000, journalOptions.getRetentionMs()));
      purgeTimer = vertx.setPeriodic(every, t -> {
        if (journalUsable()) {
          store.purgeDelivered().onFailure(e -> log.warn("reliable tier: purging delivered rows failed: {}", e.toString()));
        }
      });
    }
  }

  /** The exception a publish fails with while the journal cannot take it. */
  JournalUnavailableException unavailable(Event event, Throwable cause) {
    String why = cause != null ? String.valueOf(cause.getMessage() == null ? cause : cause.getMessage())
        : lastError != null ? lastError : closed ? "the tier is closed" : "the journal is not open yet";
    return new JournalUnavailableException("reliable tier: journal " + store.describe() + " unreachable (" + why
        + "); " + event.type() + " from " + event.source() + " was not published", cause);
  }

  // ---------------------------------------------------------------- DeliveryTier

  @Override
  public Tier tier() {
    return Tier.RELIABLE;
  }

  /**
   * Journals one row per distinct subscriber of {@code routes}, then delivers to each.
   *
   * <p>The Future completes once the rows are committed: from then on the event reaches every
   * subscriber (retried with backoff; dead-lettered after the last attempt), also across a
   * crash of this process. It fails — and nothing was acknowledged — when the journal is
   * unreachable ({@link JournalUnavailableException}), when {@code max_in_flight} deliveries
   * are already unconfirmed ({@link BackPressureException}), or when the payload has no codec.
   * With no subscriber the event is not journalled and the Future succeeds.
   */
  @Override
  public Future<Void> publish(String source, Event event, List<Route> routes) {
    metrics.published.increment();
    if (!journalUsable()) {
      metrics.rejected.increment();
      return Future.failedFuture(unavailable(event, null));
    }
    String[] subscribers = distinctSubscribers(routes);
    if (subscribers.length == 0) {
      return Future.succeededFuture();
    }
    long pending = metrics.pending.addAndGet(subscribers.length);
    if (pending > options.getMaxInFlight()) {
      metrics.pending.addAndGet(-subscribers.length);
      metrics.rejected.increment();
      return Future.failedFuture(BackPressureException.withMessage("reliable tier full: " + (pending - subscribers.length)
          + " deliveries unconfirmed (max_in_flight " + options.getMaxInFlight() + "); " + event.type() + " from "
          + source + " was not published", List.of(subscribers)));
    }
    Buffer bytes = Buffer.buffer(128);
    try {
      CODEC.encodeToWire(bytes, event);
    } catch (RuntimeException e) {
      metrics.pending.addAndGet(-subscribers.length);
      metrics.rejected.increment();
      return Future.failedFuture(e);
    }
    inFlight.begin(subscribers.length);
    ContextInternal caller = ContextInternal.current();
    Promise<Void> promise = caller != null ? caller.promise() : Promise.promise();
    writer.submit(new JournalWriter.Append(event, bytes, subscribers, promise, System.nanoTime()));
    return promise.future();
  }

  private static String[] distinctSubscribers(List<Route> routes) {
    int n = routes.size();
    if (n == 0) {
      return new String[0];
    }
    if (n == 1) {
      return new String[] {routes.get(0).subscriberId()};
    }
    String[] ids = new String[n];
    int count = 0;
    outer:
    for (Route r : routes) {
      String id = r.subscriberId();
      for (int i = 0; i < count; i++) {
        if (ids[i].equals(id)) {
          continue outer;
        }
      }
      ids[count++] = id;
    }
    return count == n ? ids : java.util.Arrays.copyOf(ids, count);
  }

  @Override
  public void routeAdded(Route route) {
    context.runOnContext(v -> {
      if (closed) {
        return;
      }
      String id = route.subscriberId();
      DeliveryReceiver receiver = receivers.get(id);
      if (receiver == null) {
        DeliveryReceiver created = new DeliveryReceiver(this, id);
        receivers.put(id, created);
        created.add(route);
        created.open().onComplete(ar -> {
          if (ar.failed()) {
            log.error("reliable tier: cannot receive for {}: {}", id, ar.cause().toString());
          }
          dispatcher.subscriberAppeared(id);
        });
      } else {
        receiver.add(route);
        dispatcher.subscriberAppeared(id);
      }
    });
  }

  @Override
  public Future<Void> routeRemoved(Route route) {
    return onTier(() -> {
      DeliveryReceiver receiver = receivers.get(route.subscriberId());
      if (receiver == null) {
        return Future.succeededFuture();
      }
      return receiver.remove(route).compose(v -> {
        if (!receiver.hasRoutes() && receivers.get(route.subscriberId()) == receiver) {
          receivers.remove(route.subscriberId());
          return receiver.close();
        }
        return Future.succeededFuture();
      });
    });
  }

  void reportHandlerFailure(String subscriberId, Throwable cause) {
    long now = System.nanoTime();
    long last = lastErrorLog.get();
    if (now - last >= ERROR_LOG_INTERVAL_NANOS && lastErrorLog.compareAndSet(last, now)) {
      log.warn("reliable-tier handler of {} failed (will be retried): {}", subscriberId, cause.toString());
    }
  }

  @Override
  public TierMetricsSnapshot metrics() {
    return metrics.snapshot(reachable, store.describe());
  }

  @Override
  public DeadLetters deadLetters() {
    return deadLetters;
  }

  @Override
  public JournalStatus status() {
    boolean ok = started && reachable && !closed;
    String error = closed ? "the reliable tier is closed" : ok ? null
        : lastError != null ? lastError : "the journal is not open yet";
    return new JournalStatus(ok, store.describe(), error, metrics.pending.get(), metrics.deadLetters.get());
  }

  /**
   * Stops taking publishes, lets the journal commit what was handed in (so every publish
   * Future completes), waits for the deliveries in flight, records their outcomes and closes
   * the journal. What was journalled and not yet delivered stays in the journal for the next
   * start (or another node).
   */
  @Override
  public Future<Void> close() {
    return onTier(() -> {
      if (closed) {
        return Future.succeededFuture();
      }
      long deadline = System.nanoTime() + options.getDeliveryTimeoutMs() * 1_000_000L;
      return waitUntil(writer::idle, deadline)
          .compose(v -> {
            closed = true;
            return dispatcher.stop();
          })
          .compose(v -> withDeadline(outcomes.flush(), options.getDeliveryTimeoutMs()))
          .eventually(() -> {
            outcomes.abandon();
            for (long timer : new long[] {reconnectTimer, leaseTimer, purgeTimer}) {
              if (timer != -1) {
                vertx.cancelTimer(timer);
              }
            }
            List<Future<Void>> closing = new java.util.ArrayList<>();
            for (DeliveryReceiver r : receivers.values()) {
              closing.add(r.close());
            }
            receivers.clear();
            return Future.join(closing).eventually(store::close);
          })
          .mapEmpty();
    });
  }

  /** {@code f}, or success after {@code ms} if it has not completed by then. */
  private Future<Void> withDeadline(Future<Void> f, long ms) {
    Promise<Void> p = Promise.promise();
    long timer = vertx.setTimer(ms, t -> p.tryComplete());
    f.onComplete(ar -> {
      vertx.cancelTimer(timer);
      p.tryComplete();
    });
    return p.future();
  }

  private Future<Void> waitUntil(Supplier<Boolean> condition, long deadlineNanos) {
    if (condition.get() || System.nanoTime() > deadlineNanos) {
      return Future.succeededFuture();
    }
    Promise<Void> p = Promise.promise();
    vertx.setTimer(5, t -> waitUntil(condition, deadlineNanos).onComplete(p));
    return p.future();
  }

  @Override
  public String toString() {
    return "ReliableTier[" + store.describe() + "]";
  }
}
