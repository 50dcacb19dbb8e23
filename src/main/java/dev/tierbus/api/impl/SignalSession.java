package dev.tierbus.api.impl;

import dev.tierbus.event.Event;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One WebSocket client of {@code /ws/signals}: its protocol, its filters, its outbox and its
 * heartbeat.
 *
 * <pre>
 * client → {"auth": "TOKEN"}                     (when reads need the token and none was in ?token=)
 *        → {"subscribe": {"events": [...], "symbols": [...], "sources": [...]}}
 *        → {"unsubscribe": 2}  or  {"unsubscribe": "*"}
 * server → {"authenticated": true}
 *        → {"subscribed": 2, "filter": {...}}     after which matching events flow
 *        → {"unsubscribed": [2]}
 *        → {"error": "...", "details": [{"path", "message"}]}   the connection stays usable
 *        → {"seq": 17, "dropped": 3, "id", "type", "source", "symbol", "time", "payload"}
 * </pre>
 * {@code seq} numbers this client's event frames from 1; {@code dropped} (only when non-zero)
 * counts the events conflated away just before this frame. Everything runs on the client's
 * event loop except {@link #offer}, which router threads call.
 */
final class SignalSession {

  private final SignalHub hub;
  private final ServerWebSocket ws;
  private final Context context;
  private final Vertx vertx;
  private final Outbox<String> outbox;
  private final String token;
  private final long pingIntervalMs;
  private final List<StreamFilter> filters = new CopyOnWriteArrayList<>();
  private final FrameFlusher flusher;
  private boolean authenticated;
  private long seq;
  private int nextFilterId = 1;
  private long lastHeard = System.nanoTime();
  private long pingTimer = -1;
  private volatile boolean closed;

  SignalSession(SignalHub hub, ServerWebSocket ws, Vertx vertx, FrameFlusher flusher, int maxPendingFrames, String token,
      boolean authenticated, long pingIntervalMs) {
    this.hub = hub;
    this.flusher = flusher;
    this.ws = ws;
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.outbox = new Outbox<>(maxPendingFrames);
    this.token = token;
    this.authenticated = authenticated;
    this.pingIntervalMs = pingIntervalMs;
  }

  /** Wires the socket's handlers; call on the socket's event loop. */
  void start() {
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(b -> error("binary frames are not understood; send JSON text", List.of()));
    ws.pongHandler(b -> lastHeard = System.nanoTime());
    ws.drainHandler(v -> flush());
    ws.closeHandler(v -> onClosed());
    ws.exceptionHandler(e -> ws.close());
    pingTimer = vertx.setPeriodic(pingIntervalMs, id -> heartbeat());
  }

  List<StreamFilter> filters() {
    return filters;
  }

  long droppedTotal() {
    return outbox.droppedTotal();
  }

  int pending() {
    return outbox.size();
  }

  // ---------------------------------------------------------------- events (router threads)

  /** Queues an event frame; never blocks, never throws. */
  void offer(Event e, String body) {
    if (outbox.offer(e.type(), e.symbol(), body)) {
      flusher.flushLater(this);
    }
  }

  /**
   * Writes waiting frames until the socket's write queue is full (then the drain handler goes
   * on); on the client's event loop.
   */
  void flush() {
    if (closed || ws.isClosed()) {
      return;
    }
    while (!ws.writeQueueFull()) {
      Outbox.Taken<String> t = outbox.poll();
      if (t == null) {
        return;
      }
      seq++;
      // one concatenation: one allocation of the exact size per frame
      String frame = t.dropped() > 0
          ? "{\"seq\":" + seq + ",\"dropped\":" + t.dropped() + "," + t.body()
          : "{\"seq\":" + seq + "," + t.body();
      ws.writeTextMessage(frame);
      hub.frameSent();
    }
  }

  // ---------------------------------------------------------------- protocol (event loop)

  private void onText(String text) {
    lastHeard = System.nanoTime();
    JsonObject msg;
    try {
      msg = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      error("not a JSON object: " + firstLine(e.getMessage()), List.of());
      return;
    }
    if (msg.size() != 1) {
      error("expected one of {\"auth\": ...}, {\"subscribe\": {...}}, {\"unsubscribe\": id}; got keys "
          + msg.fieldNames(), List.of());
      return;
    }
    String key = msg.fieldNames().iterator().next();
    Object value = msg.getValue(key);
    switch (key) {
      case "auth" -> auth(value);
      case "subscribe" -> {
        if (requireAuth()) {
          subscribe(value);
        }
      }
      case "unsubscribe" -> {
        if (requireAuth()) {
          unsubscribe(value);
        }
      }
      default -> error("unknown message '" + key + "', expected auth, subscribe or unsubscribe",
          List.of(StreamFilter.problem(key, "unknown message")));
    }
  }

  private void auth(Object value) {
    if (value instanceof String s && token != null
        && MessageDigest.isEqual(s.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
      authenticated = true;
      send(new JsonObject().put("authenticated", true));
    } else if (!(value instanceof String)) {
      error("auth expects the token as a string", List.of(StreamFilter.problem("auth", "expected a string")));
    } else {
      error("wrong token", List.of()).onComplete(ar -> ws.close((short) 1008, "wrong token"));
    }
  }

  private boolean requireAuth() {
    if (!authenticated) {
      error("authenticate first: send {\"auth\": \"<token>\"} or connect with ?token=<token>", List.of());
    }
    return authenticated;
  }

  private void subscribe(Object value) {
    List<JsonObject> problems = new ArrayList<>();
    StreamFilter f = StreamFilter.parse(nextFilterId, value, problems);
    if (f == null) {
      error("bad subscribe", problems);
      return;
    }
    nextFilterId++;
    filters.add(f);
    hub.changed().onComplete(ar -> {
      if (ar.succeeded()) {
        send(new JsonObject().put("subscribed", f.id()).put("filter", f.toJson()));
      } else {
        filters.remove(f);
        hub.changed();
        error("cannot subscribe: " + ar.cause().getMessage(), List.of());
      }
    });
  }

  private void unsubscribe(Object value) {
    List<Integer> removed = new ArrayList<>();
    if ("*".equals(value)) {
      filters.forEach(f -> removed.add(f.id()));
      filters.clear();
    } else if (value instanceof Integer id) {
      if (!filters.removeIf(f -> f.id() == id)) {
        error("no subscription " + id, List.of(StreamFilter.problem("unsubscribe", "unknown subscription id " + id)));
        return;
      }
      removed.add(id);
    } else {
      error("unsubscribe expects a subscription id (a number) or \"*\"",
          List.of(StreamFilter.problem("unsubscribe", "expected a number or \"*\"")));
      return;
    }
    hub.changed().onComplete(ar -> send(new JsonObject().put("unsubscribed", new JsonArray(removed))));
  }

  private Future<Void> error(String message, List<JsonObject> details) {
    return send(new JsonObject().put("error", message).put("details", new JsonArray(new ArrayList<>(details))));
  }

  /** A control frame, written on the client's event loop; completes when written. */
  private Future<Void> send(JsonObject msg) {
    if (closed) {
      return Future.succeededFuture();
    }
    Promise<Void> written = Promise.promise();
    context.runOnContext(v -> {
      if (ws.isClosed()) {
        written.complete();
      } else {
        ws.writeTextMessage(msg.encode()).onComplete(written);
      }
    });
    return written.future();
  }

  private void heartbeat() {
    long silentMs = (System.nanoTime() - lastHeard) / 1_000_000;
    if (silentMs > 3 * pingIntervalMs) {
      // gone as far as the hub is concerned now, whatever the close handshake takes
      onClosed();
      ws.close((short) 1001, "no pong for " + silentMs + " ms");
      return;
    }
    ws.writePing(Buffer.buffer("tierbus"));
  }

  private void onClosed() {
    if (closed) {
      return;
    }
    closed = true;
    if (pingTimer >= 0) {
      vertx.cancelTimer(pingTimer);
    }
    hub.remove(this);
  }

  /** Closes the connection (server shutdown). */
  void close() {
    if (!closed) {
      context.runOnContext(v -> ws.close((short) 1001, "server stopping"));
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
