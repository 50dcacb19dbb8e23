package dev.tierbus.api.impl;

import dev.tierbus.api.ApiOptions;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventJson;
import dev.tierbus.event.EventType;
import dev.tierbus.router.Filter;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.SubscriptionHandle;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans router events out to the WebSocket clients of {@code /ws/signals}.
 *
 * <pre>
 * router ──(one subscription per event type some client wants, subscriber "api.websocket")──► onEvent
 *    onEvent: wanted type? → the hub's backlog (bounded, conflating)                      [router's thread]
 *    fan-out: index[type] → clients by symbol + of any symbol → filter → JSON once → each client's Outbox
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
 * others are not affected. The index is
 * rebuilt (copy-on-write) when a client subscribes, unsubscribes or leaves, and the router
 * subscriptions follow it, changed one at a time on the hub's own context.
 */
public final class SignalHub {

  /** The subscriber id the hub's router subscriptions carry (seen in the routing table). */
  public static final String SUBSCRIBER_ID = "api.websocket";

  private static final Logger log = LoggerFactory.getLogger(SignalHub.class);
  private static final Entry[] NONE = new Entry[0];
  private static final long ERROR_LOG_INTERVAL_NANOS = 5_000_000_000L;
  /** Events the fan-out may have waiting before the backlog conflates. */
  static final int BACKLOG = 8192;
  /** Events fanned out per event-loop turn before the hub yields its loop. */
  private static final int FAN_OUT_TURN = 256;

  /** A client and its filters that name one event type. */
  private record Entry(SignalSession session, StreamFilter[] filters) {
    boolean matches(Event e) {
      for (StreamFilter f : filters) {
        if (f.matches(e)) {
          return true;
        }
      }
      return false;
    }
  }

  private record TypeIndex(Map<String, Entry[]> bySymbol, Entry[] any) {}

  private final Vertx vertx;
  private final TieredEventRouter router;
  private final ApiOptions options;
  private final Context context;
  private final Set<SignalSession> sessions = ConcurrentHashMap.newKeySet();
  /** One per event loop that has clients (the threads of the server's event loops, a few). */
  private final Map<Thread, FrameFlusher> flushers = new ConcurrentHashMap<>();
  private final Map<EventType, SubscriptionHandle> routerSubscriptions = new EnumMap<>(EventType.class);
  private final LongAdder framesSent = new LongAdder();
  private final LongAdder droppedByClosed = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final AtomicLong lastErrorLog = new AtomicLong(System.nanoTime() - ERROR_LOG_INTERVAL_NANOS);
  private volatile TypeIndex[] index = new TypeIndex[32];
  private final Outbox<Event> backlog = new Outbox<>(BACKLOG);
  private final Runnable fanOutTask = this::fanOutTurn;
  private Future<Void> reconciling = Future.succeededFuture();
  private final List<Promise<Void>> waiting = new ArrayList<>();
  private boolean changeScheduled;
  private volatile boolean closed;

  SignalHub(Vertx vertx, TieredEventRouter router, ApiOptions options) {
    this.vertx = vertx;
    this.router = router;
    this.options = options;
    // the hub's own event-loop context: router subscriptions are made here, so fast-tier
    // events arrive on an event loop and standard/reliable ones on the router's worker pool
    this.context = vertx.getOrCreateContext();
  }

  /** True when one more client may connect. */
  boolean admits() {
    return !closed && sessions.size() < options.getMaxClients();
  }

  /** Takes a new client; call on the socket's event loop. */
  void accept(ServerWebSocket ws, String token, boolean authenticated) {
    FrameFlusher flusher = flushers.computeIfAbsent(Thread.currentThread(), t -> new FrameFlusher(vertx.getOrCreateContext()));
    SignalSession s = new SignalSession(this, ws, vertx, flusher, options.getMaxPendingFrames(), token, authenticated,
        options.getPingIntervalMs());
    sessions.add(s);
    s.start();
  }

  // ---------------------------------------------------------------- router side

  /** The router's handler: queue the event for the fan-out (O(1), never throws). */
  private void onEvent(Event e) {
    try {
      if (index[e.type().code()] != null && backlog.offer(e.type(), e.symbol(), e)) {
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
      TypeIndex t = index[e.type().code()];
      if (t == null) {
        return;
      }
      Entry[] bySymbol = e.symbol() == null ? NONE : t.bySymbol.getOrDefault(e.symbol(), NONE);
      String body = null;
      for (Entry en : t.any) {
        body = deliver(en, e, body);
      }
      for (Entry en : bySymbol) {
        body = deliver(en, e, body);
      }
    } catch (Throwable t) {
      failed(e, t);
    }
  }

  /** Counts and (rate-limited) logs a failure; the stream goes on. */
  private void failed(Event e, Throwable t) {
    errors.increment();
    long now = System.nanoTime();
    long last = lastErrorLog.get();
    if (now - last >= ERROR_LOG_INTERVAL_NANOS && lastErrorLog.compareAndSet(last, now)) {
      log.error("WebSocket fan-out of {} from {} failed", e.type(), e.source(), t);
    }
  }

  private static String deliver(Entry en, Event e, String body) {
    if (!en.matches(e)) {
      return body;
    }
    String b = body == null ? frameBody(e) : body;
    en.session.offer(e, b);
    return b;
  }

  /** The event's JSON without its opening brace: a session prepends {@code {"seq":n,}. */
  static String frameBody(Event e) {
    return EventJson.toJson(e).encode().substring(1);
  }

  // ---------------------------------------------------------------- changes

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
    synchronized (this) {
      batch = new ArrayList<>(waiting);
      waiting.clear();
      changeScheduled = false;
    }
    rebuild();
    reconciling = reconciling.transform(ar -> reconcile());
    reconciling.onComplete(ar -> batch.forEach(p -> p.handle(ar)));
  }

  void remove(SignalSession s) {
    if (sessions.remove(s)) {
      droppedByClosed.add(s.droppedTotal());
      changed();
    }
  }

  private synchronized void rebuild() {
    Map<EventType, Map<String, List<Entry>>> bySymbol = new EnumMap<>(EventType.class);
    Map<EventType, List<Entry>> any = new EnumMap<>(EventType.class);
    for (SignalSession s : sessions) {
      Map<EventType, List<StreamFilter>> byType = new EnumMap<>(EventType.class);
      for (StreamFilter f : s.filters()) {
        for (EventType t : f.events()) {
          byType.computeIfAbsent(t, k -> new ArrayList<>()).add(f);
        }
      }
      byType.forEach((type, fs) -> {
        Entry entry = new Entry(s, fs.toArray(new StreamFilter[0]));
        if (fs.stream().anyMatch(f -> f.symbols().isEmpty())) {
          any.computeIfAbsent(type, k -> new ArrayList<>()).add(entry);
        } else {
          Map<String, List<Entry>> m = bySymbol.computeIfAbsent(type, k -> new HashMap<>());
          fs.stream().flatMap(f -> f.symbols().stream()).distinct()
              .forEach(sym -> m.computeIfAbsent(sym, k -> new ArrayList<>()).add(entry));
        }
      });
    }
    TypeIndex[] next = new TypeIndex[32];
    for (EventType t : EventType.values()) {
      List<Entry> a = any.getOrDefault(t, List.of());
      Map<String, List<Entry>> b = bySymbol.getOrDefault(t, Map.of());
      if (!a.isEmpty() || !b.isEmpty()) {
        Map<String, Entry[]> frozen = new HashMap<>();
        b.forEach((sym, list) -> frozen.put(sym, list.toArray(NONE)));
        next[t.code()] = new TypeIndex(frozen, a.toArray(NONE));
      }
    }
    index = next;
  }

  /** On the hub's context: one router subscription per wanted type, none for the others. */
  private Future<Void> reconcile() {
    TypeIndex[] wanted = closed ? new TypeIndex[32] : index;
    List<Future<?>> steps = new ArrayList<>();
    for (EventType t : EventType.values()) {
      boolean want = wanted[t.code()] != null;
      SubscriptionHandle h = routerSubscriptions.get(t);
      if (want && h == null) {
        steps.add(router.subscribe(new Subscription(SUBSCRIBER_ID, null, Set.of(t), Filter.NONE, null), this::onEvent)
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

  /** Event types with a router subscription now. */
  synchronized List<EventType> subscribedTypes() {
    List<EventType> out = new ArrayList<>();
    for (EventType t : EventType.values()) {
      if (index[t.code()] != null) {
        out.add(t);
      }
    }
    return out;
  }
}
