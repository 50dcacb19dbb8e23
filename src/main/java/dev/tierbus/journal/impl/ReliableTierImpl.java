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
import java.util.List;
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
  private final Receivers receivers;
  private final JournalConnection connection;
  private final DeadLettersImpl deadLetters;
  private final AtomicLong lastErrorLog = new AtomicLong(System.nanoTime() - ERROR_LOG_INTERVAL_NANOS);
  private final AtomicLong lastRefusalLog = new AtomicLong(System.nanoTime() - ERROR_LOG_INTERVAL_NANOS);
  private volatile boolean closed;

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
    this.receivers = new Receivers(this);
    this.connection = new JournalConnection(this, store, journalOptions);
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
    tier.context.runOnContext(v -> tier.connection.open().onComplete(ar -> started.complete(tier)));
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

  JournalWriter writer() {
    return writer;
  }

  OutcomeWriter outcomes() {
    return outcomes;
  }

  Logger log() {
    return log;
  }

  /** True when appends may be tried: the journal is open and reachable. */
  boolean journalUsable() {
    return connection.usable();
  }

  /** Records that the journal failed; see {@link JournalConnection#failed}. Tier context. */
  void journalFailed(Throwable cause) {
    connection.failed(cause);
  }

  /** The exception a publish fails with while the journal cannot take it. */
  JournalUnavailableException unavailable(Event event, Throwable cause) {
    return connection.unavailable(event, cause);
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
   * unreachable ({@link JournalUnavailableException}), when PostgreSQL refuses a value of its rows
   * ({@link dev.tierbus.journal.JournalRefusedException}: only this publish fails, the journal
   * stays usable), when {@code max_in_flight} deliveries
   * are already unconfirmed ({@link BackPressureException}), or when the payload has no codec.
   * With no subscriber the event is not journalled and the Future succeeds.
   */
  @Override
  public Future<Void> publish(String source, Event event, List<Route> routes) {
    if (!journalUsable()) {
      metrics.rejected.increment();
      metrics.refused.increment();
      return Future.failedFuture(unavailable(event, null));
    }
    String[] subscribers = distinctSubscribers(routes);
    if (subscribers.length == 0) {
      metrics.published.increment();
      return Future.succeededFuture();
    }
    long pending = metrics.pending.addAndGet(subscribers.length);
    if (pending > options.getMaxInFlight()) {
      metrics.pending.addAndGet(-subscribers.length);
      metrics.rejected.increment();
      metrics.refused.increment();
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
      metrics.refused.increment();
      return Future.failedFuture(e);
    }
    inFlight.begin(subscribers.length);
    ContextInternal caller = ContextInternal.current();
    Promise<Void> promise = caller != null ? caller.promise() : Promise.promise();
    Future<Void> journalled = promise.future();
    // counted before the publisher's own listeners run: accepted once committed, refused when the commit failed
    journalled.onComplete(ar -> {
      if (ar.succeeded()) {
        metrics.published.increment();
        metrics.matched.increment();
      } else {
        metrics.refused.increment();
      }
    });
    writer.submit(new JournalWriter.Append(event, bytes, subscribers, promise, System.nanoTime()));
    return journalled;
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
    context.runOnContext(v -> receivers.added(route));
  }

  @Override
  public Future<Void> routeRemoved(Route route) {
    return onTier(() -> receivers.removed(route));
  }

  void reportHandlerFailure(String subscriberId, Throwable cause) {
    long now = System.nanoTime();
    long last = lastErrorLog.get();
    if (now - last >= ERROR_LOG_INTERVAL_NANOS && lastErrorLog.compareAndSet(last, now)) {
      log.warn("reliable-tier handler of {} failed (will be retried): {}", subscriberId, cause.toString());
    }
  }

  /** Logs (at most once a second) that the journal refused a publish or an outcome; the caller counts it. */
  void reportRefused(Throwable refusal) {
    long now = System.nanoTime();
    long last = lastRefusalLog.get();
    if (now - last >= ERROR_LOG_INTERVAL_NANOS && lastRefusalLog.compareAndSet(last, now)) {
      log.warn("{} (the journal stays usable; refusals so far: {} publishes, {} outcomes)", refusal.getMessage(),
          metrics.rowsRefused.sum(), metrics.outcomesRefused.sum());
    }
  }

  @Override
  public TierMetricsSnapshot metrics() {
    return metrics.snapshot(connection.reachable(), store.describe());
  }

  @Override
  public DeadLetters deadLetters() {
    return deadLetters;
  }

  @Override
  public JournalStatus status() {
    String problem = connection.problem();
    return new JournalStatus(problem == null, store.describe(), problem, metrics.pending.get(),
        metrics.deadLetters.get());
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
            connection.close();
            return dispatcher.stop();
          })
          .compose(v -> withDeadline(outcomes.flush(), options.getDeliveryTimeoutMs()))
          .eventually(() -> {
            outcomes.abandon();
            return receivers.close().eventually(store::close);
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
