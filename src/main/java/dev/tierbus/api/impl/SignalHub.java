package dev.tierbus.api.impl;

import dev.tierbus.api.ApiOptions;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.metrics.LogThrottle;
import dev.tierbus.router.Filter;
import dev.tierbus.router.Overflow;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.SubscriptionHandle;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans router events out to the WebSocket clients of {@code /ws/signals}, and keeps their
 * recent history.
 *
 * <pre>
 * router ──(one subscription per event type followed for history or wanted by some client,
 *           subscriber "api.websocket")──► onEvent
 *    onEvent: wanted type? → the hub's backlog (bounded, conflating)                      [router's thread]
 *    fan-out: → EventHistory (ring per type), EquityCurve (PORTFOLIO_UPDATE)
 *             → ClientIndex: clients by type and symbol + of any symbol → filter → JSON once → each client's Outbox
 *                                                                                   [the hub's event loop]
 *    Outbox ──(FrameFlusher: one task per event loop writes every ready client's frames,
 *              while each socket's write queue has room)──► text frame
 * </pre>
 *
 * <p>The router's handler only puts the event into the hub's backlog: O(1), it never blocks
 * and never throws, so the stream never slows the router (a standard-tier queue of the hub never
 * fills and pushes back on publishers) nor, for reliable-tier events (confirmed when the handler
 * returns), holds a delivery. If the fan-out itself falls {@value #BACKLOG} events behind, the
 * backlog keeps the latest event per (type, symbol) and counts the rest
 * ({@link #eventsConflated()}). A slow client is conflated in its own outbox ({@link Outbox});
 * others are not affected. The {@link ClientIndex} is rebuilt (copy-on-write) when a client
 * subscribes, unsubscribes or leaves, and the router subscriptions follow it, changed one at a
 * time on the hub's own context.
 *
 * <p>History: the types of {@code websocket.history_events} are followed from the start, with
 * or without clients; other types only while a client wants them (their history is forgotten
 * when the hub stops following them, so it never has a gap). A subscribe asking for
 * {@code history: n} is added to the index and served its last {@code n} matching events in one
 * step on the hub's context, the same context that records and fans out: every event is then
 * either in the history sent or fanned out live to the new subscription, never both, never
 * neither. Clients take places of {@link ClientSlots}.
 */
public final class SignalHub {

  /** The subscriber id the hub's router subscriptions carry (seen in the routing table). */
  public static final String SUBSCRIBER_ID = "api.websocket";

  private static final Logger log = LoggerFactory.getLogger(SignalHub.class);
  private static final long ERROR_LOG_INTERVAL_NANOS = 5_000_000_000L;
  /** Events the fan-out may have waiting before the backlog conflates. */
  static final int BACKLOG = 8192;
  /** Events fanned out per event-loop turn before the hub yields its loop. */
  private static final int FAN_OUT_TURN = 256;
  /** Points kept per equity curve. */
  static final int EQUITY_POINTS = 2000;

  /** A subscribe on its way into the index. */
  private record Joining(SignalSession session, StreamFilter filter, Promise<Integer> done) {}

  private final Vertx vertx;
  private final TieredEventRouter router;
  private final ApiOptions options;
  private final Context context;
  private final Set<SignalSession> sessions = ConcurrentHashMap.newKeySet();
  private final ClientSlots slots;
  /** By type code: followed from the start for its history. */
  private final boolean[] followed = new boolean[32];
  private final EventHistory history;
  private final EquityCurve equity = new EquityCurve(EQUITY_POINTS);
  /** One per event loop that has clients (the threads of the server's event loops, a few). */
  private final Map<Thread, FrameFlusher> flushers = new ConcurrentHashMap<>();
  private final Map<EventType, SubscriptionHandle> routerSubscriptions = new EnumMap<>(EventType.class);
  private final LongAdder framesSent = new LongAdder();
  private final LongAdder droppedByClosed = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LogThrottle errorLog = LogThrottle.perInterval(Duration.ofNanos(ERROR_LOG_INTERVAL_NANOS));
  private volatile ClientIndex index = ClientIndex.EMPTY;
  private final Outbox<Event> backlog = new Outbox<>(BACKLOG);
  private final Runnable fanOutTask = this::fanOutTurn;
  private Future<Void> reconciling = Future.succeededFuture();
  private final List<Promise<Void>> waiting = new ArrayList<>();
  private final List<Joining> joining = new ArrayList<>();
  private boolean changeScheduled;
  private volatile boolean closed;

  SignalHub(Vertx vertx, TieredEventRouter router, ApiOptions options) {
    this.vertx = vertx;
    this.router = router;
    this.options = options;
    // the hub's own event-loop context: router subscriptions are made here, so fast-tier
    // events arrive on an event loop and standard/reliable ones on the router's worker pool
    this.context = vertx.getOrCreateContext();
    this.slots = new ClientSlots(options.getMaxClients(), options.getMaxUnauthenticated());
    this.history = new EventHistory(options.getHistorySize());
    if (options.getHistorySize() > 0) {
      options.getHistoryEvents().forEach(t -> followed[t.code()] = true);
    }
  }

  /** Subscribes to the router for the types followed for their history; completes when their events flow. */
  public Future<Void> start() {
    return changed();
  }

  /**
   * Takes a place for a client about to connect: among the readers when authenticated (or
   * reads are open), else among those yet to give the token. False when that kind is full or
   * the hub is closed; otherwise {@link #accept} or {@link #release} must follow.
   */
  boolean admit(boolean authenticated) {
    return !closed && slots.take(authenticated);
  }

  /** Gives back a place {@link #admit} took for a client that did not connect after all. */
  void release(boolean authenticated) {
    slots.release(authenticated);
  }

  /** Moves a client that gave the token among the readers; false when they are full. */
  boolean promote() {
    return slots.promote();
  }

  /** True once {@link #close} was called: no client is let in any more. */
  boolean isClosed() {
    return closed;
  }

  /**
   * Takes a new client that {@link #admit} let in; call on the socket's event loop.
   *
   * @param wrongToken a wrong {@code ?token=} while reads are open: the client is told, and reads
   */
  void accept(ServerWebSocket ws, String token, boolean authenticated, boolean wrongToken) {
    FrameFlusher flusher = flushers.computeIfAbsent(Thread.currentThread(), t -> new FrameFlusher(vertx.getOrCreateContext()));
    SignalSession s = new SignalSession(this, ws, vertx, flusher, options, token, authenticated);
    sessions.add(s);
    s.start(wrongToken);
  }

  // ---------------------------------------------------------------- router side

  /** The router's handler: queue the event for the fan-out (O(1), never throws). */
  private void onEvent(Event e) {
    try {
      int code = e.type().code();
      if ((followed[code] || index.wants(e.type())) && backlog.offer(e.type(), e.symbol(), e)) {
        context.runOnContext(v -> fanOutTask.run());
      }
    } catch (Throwable t) {
      failed(e, t);
    }
  }

  /** One turn of the fan-out on the hub's context; yields after {@value #FAN_OUT_TURN} events. */
  private void fanOutTurn() {
    for (int i = 0; i < FAN_OUT_TURN; i++) {
      Outbox.Taken<Event> next = backlog.poll();
      if (next == null) {
        return;
      }
      fanOut(next.body());
    }
    context.runOnContext(v -> fanOutTask.run());
  }

  private void fanOut(Event e) {
    try {
      ClientIndex clients = index;
      if (!followed[e.type().code()] && !clients.wants(e.type())) {
        // the hub stopped following this type since the event was queued
        return;
      }
      history.record(e);
      if (e.type() == EventType.PORTFOLIO_UPDATE) {
        equity.record(e);
      }
      clients.deliver(e);
    } catch (Throwable t) {
      failed(e, t);
    }
  }

  /** Counts and (rate-limited) logs a failure; the stream goes on. */
  private void failed(Event e, Throwable t) {
    errors.increment();
    if (errorLog.shouldLog()) {
      log.error("WebSocket fan-out of {} from {} failed", e.type(), e.source(), t);
    }
  }

  // ---------------------------------------------------------------- changes

  /**
   * Adds a client's subscription; completes with the number of history frames queued for it
   * (ahead of its live ones) once events of its types flow, or fails (and nothing was added).
   */
  Future<Integer> subscribe(SignalSession session, StreamFilter filter) {
    Promise<Integer> done = Promise.promise();
    synchronized (this) {
      joining.add(new Joining(session, filter, done));
    }
    changed();
    return done.future();
  }

  /** The equity curves of every PORTFOLIO_UPDATE source, read on the hub's context. */
  Future<JsonArray> equityHistory() {
    Promise<JsonArray> done = Promise.promise();
    context.runOnContext(v -> done.complete(equity.toJson()));
    return done.future();
  }

  /**
   * Asks for the index to be rebuilt from every client's filters and the router subscriptions
   * brought in line; completes when events of every wanted type flow.
   */
  Future<Void> changed() {
    Promise<Void> done = Promise.promise();
    boolean schedule;
    synchronized (this) {
      waiting.add(done);
      schedule = !changeScheduled;
      changeScheduled = true;
    }
    if (schedule) {
      context.runOnContext(v -> applyChanges());
    }
    return done.future();
  }

  /**
   * On the hub's context: one rebuild for every change asked for since the last one (a
   * thousand clients subscribing at once cost a few rebuilds, not a thousand), then the router
   * subscriptions; completes the callers' Futures after both.
   */
  private void applyChanges() {
    List<Promise<Void>> batch;
    List<Joining> joined;
    synchronized (this) {
      batch = new ArrayList<>(waiting);
      waiting.clear();
      joined = new ArrayList<>(joining);
      joining.clear();
      changeScheduled = false;
    }
    for (Joining j : joined) {
      j.session.filters().add(j.filter);
    }
    rebuild();
    // on the context that records and fans out: from here on, the new subscriptions get live
    // what the history below does not hold
    List<Integer> sent = new ArrayList<>(joined.size());
    for (Joining j : joined) {
      sent.add(serveHistory(j.session, j.filter));
    }
    reconciling = reconciling.transform(ar -> reconcile());
    reconciling.onComplete(ar -> {
      batch.forEach(p -> p.handle(ar));
      for (int i = 0; i < joined.size(); i++) {
        Joining j = joined.get(i);
        if (ar.succeeded()) {
          j.done.tryComplete(sent.get(i));
        } else {
          j.session.filters().remove(j.filter);
          j.done.tryFail(ar.cause());
        }
      }
      if (ar.failed() && !joined.isEmpty()) {
        changed();
      }
    });
  }

  private int serveHistory(SignalSession session, StreamFilter filter) {
    if (filter.history() == 0) {
      return 0;
    }
    List<Event> past = history.last(filter, filter.history());
    List<String> bodies = new ArrayList<>(past.size());
    for (Event e : past) {
      bodies.add(ClientIndex.historyFrameBody(e));
    }
    session.offerHistory(bodies);
    return bodies.size();
  }

  void remove(SignalSession s, boolean authenticated) {
    if (sessions.remove(s)) {
      slots.release(authenticated);
      droppedByClosed.add(s.droppedTotal());
      changed();
    }
  }

  private synchronized void rebuild() {
    ClientIndex before = index;
    ClientIndex next = ClientIndex.build(sessions);
    for (EventType t : EventType.values()) {
      if (before.wants(t) && !next.wants(t) && !followed[t.code()]) {
        // no longer followed: what was kept would be followed by a gap
        history.clear(t);
        if (t == EventType.PORTFOLIO_UPDATE) {
          equity.clear();
        }
      }
    }
    index = next;
  }

  /** On the hub's context: one router subscription per wanted type, none for the others. */
  private Future<Void> reconcile() {
    ClientIndex indexed = index;
    List<Future<?>> steps = new ArrayList<>();
    for (EventType t : EventType.values()) {
      boolean want = !closed && (followed[t.code()] || indexed.wants(t));
      SubscriptionHandle h = routerSubscriptions.get(t);
      if (want && h == null) {
        steps.add(router.subscribe(new Subscription(SUBSCRIBER_ID, null, Set.of(t), Filter.NONE, null), this::onEvent,
            // a dashboard never slows the system it watches: a full queue drops for the hub alone
            Overflow.DROP)
            .onSuccess(handle -> routerSubscriptions.put(t, handle)));
      } else if (!want && h != null) {
        routerSubscriptions.remove(t);
        steps.add(h.unsubscribe());
      }
    }
    return Future.all(steps).mapEmpty();
  }

  /** Closes every client and ends the router subscriptions. */
  Future<Void> close() {
    closed = true;
    sessions.forEach(SignalSession::close);
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      reconciling = reconciling.transform(ar -> reconcile());
      reconciling.onComplete(done);
    });
    return done.future();
  }

  // ---------------------------------------------------------------- figures

  void frameSent() {
    framesSent.increment();
  }

  public int clients() {
    return sessions.size();
  }

  public long framesSent() {
    return framesSent.sum();
  }

  public long framesDropped() {
    long sum = droppedByClosed.sum();
    for (SignalSession s : sessions) {
      sum += s.droppedTotal();
    }
    return sum;
  }

  public long errors() {
    return errors.sum();
  }

  /** Events the fan-out could not keep up with, conflated before reaching any client. */
  public long eventsConflated() {
    return backlog.droppedTotal();
  }
}
