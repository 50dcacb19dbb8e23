package dev.tierbus.api.impl;

import dev.tierbus.api.ApiOptions;
import dev.tierbus.event.Event;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One WebSocket client of {@code /ws/signals}: its protocol, its filters, its outbox, its
 * heartbeat and its limits.
 *
 * <pre>
 * client → {"auth": "TOKEN"}                     (when reads need the token and none was in ?token=)
 *        → {"subscribe": {"events": [...], "symbols": [...], "sources": [...], "history": 50}}
 *        → {"unsubscribe": 2}  or  {"unsubscribe": "*"}
 *        → {"history": "equity"}
 * server → {"authenticated": true}
 *        → {"subscribed": 2, "filter": {...}, "history": 50}   after which matching events flow
 *        → {"unsubscribed": [2]}
 *        → {"history": "equity", "curves": [{"source", "points", "time_ms": [...], "equity": [...]}]}
 *        → {"error": "...", "details": [{"path", "message"}]}   the connection stays usable
 *        → {"error": "...", "details": [...], "close": 1008}    followed by a close with that code
 *        → {"seq": 17, "dropped": 3, "id", "type", "source", "symbol", "time", "payload"}
 *        → {"seq": 1, "history": true, "id", ...}               the past events a subscribe asked for
 * </pre>
 * {@code seq} numbers this client's event frames from 1; {@code dropped} (only when non-zero)
 * counts the events conflated away just before this frame. The history frames of a subscribe
 * come before its live ones (the hub adds both on its own context, see {@link SignalHub}).
 *
 * <p>Closed with an error frame first: a message over {@code max_frame_bytes} (1009), a
 * protocol error (1002), invalid UTF-8 (1007), a binary message (1003), a wrong token or no
 * token within {@code auth_timeout_ms} while reads need one (1008), no room among the readers
 * when the token comes (1013). Everything runs on the client's event loop except
 * {@link #offer} and {@link #offerHistory}, which the hub calls.
 */
final class SignalSession {

  private final SignalHub hub;
  private final ServerWebSocket ws;
  private final Context context;
  private final Vertx vertx;
  private final Outbox<String> outbox;
  private final byte[] token;
  private final ApiOptions options;
  private final List<StreamFilter> filters = new CopyOnWriteArrayList<>();
  private final FrameFlusher flusher;
  private final MessageAssembler assembler;
  private boolean authenticated;
  /** Subscriptions held or on their way (the cap counts both). */
  private int subscriptions;
  private long seq;
  private int nextFilterId = 1;
  private long lastHeard = System.nanoTime();
  private long pingTimer = -1;
  private long authTimer = -1;
  /** An error frame and a close were written: nothing more is read or written. */
  private boolean closing;
  private volatile boolean closed;

  SignalSession(SignalHub hub, ServerWebSocket ws, Vertx vertx, FrameFlusher flusher, ApiOptions options, String token,
      boolean authenticated) {
    this.hub = hub;
    this.flusher = flusher;
    this.ws = ws;
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.options = options;
    this.outbox = new Outbox<>(options.getMaxPendingFrames());
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.authenticated = authenticated;
    this.assembler = new MessageAssembler(options.getMaxFrameBytes());
  }

  /**
   * Wires the socket's handlers; call on the socket's event loop.
   *
   * @param wrongToken true when the client passed a wrong {@code ?token=} and reads are open:
   *     it is told at once, and reads on
   */
  void start(boolean wrongToken) {
    ws.frameHandler(this::onFrame);
    ws.pongHandler(b -> lastHeard = System.nanoTime());
    ws.drainHandler(v -> flush());
    ws.closeHandler(v -> onClosed());
    ws.exceptionHandler(this::onException);
    pingTimer = vertx.setPeriodic(options.getPingIntervalMs(), id -> heartbeat());
    if (!authenticated) {
      authTimer = vertx.setTimer(options.getAuthTimeoutMs(), id -> authDeadline());
    }
    if (wrongToken) {
      error("wrong token", List.of(StreamFilter.problem("token",
          "not this node's token: reads are open, so the stream goes on, but changes need the right one")));
    }
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

  // ---------------------------------------------------------------- events (the hub's threads)

  /** Queues an event frame; never blocks, never throws. */
  void offer(Event e, String body) {
    if (outbox.offer(e.type(), e.symbol(), body)) {
      flusher.flushLater(this);
    }
  }

  /** Queues the history frames of a new subscription, before any of its live ones; on the hub's context. */
  void offerHistory(List<String> bodies) {
    if (outbox.offerBatch(bodies)) {
      flusher.flushLater(this);
    }
  }

  /**
   * Writes waiting frames until the socket's write queue is full (then the drain handler goes
   * on); on the client's event loop.
   */
  void flush() {
    if (closed || closing || ws.isClosed()) {
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

  // ---------------------------------------------------------------- frames in (event loop)

  private void onFrame(WebSocketFrame frame) {
    lastHeard = System.nanoTime();
    if (closing) {
      return;
    }
    MessageAssembler.Outcome o = assembler.frame(frame);
    if (o.violation() != null) {
      closeWith(o.violation().closeCode(), o.violation().message(), List.of());
    } else if (o.text() != null) {
      onText(o.text());
    }
  }

  /**
   * The frame decoder's refusals (a frame over {@code max_frame_bytes}, a reserved opcode, a
   * fragment out of place) arrive here, on the event loop, before the server drops the
   * connection: the error frame and the close frame written now still go out first.
   */
  private void onException(Throwable e) {
    if (e instanceof CorruptedWebSocketFrameException c) {
      int code = c.closeStatus().code();
      closeWith(code, code == 1009
          ? "a frame of more than " + options.getMaxFrameBytes() + " bytes (websocket.max_frame_bytes)"
          : "protocol error: " + c.getMessage(), List.of());
    } else if (!closing) {
      ws.close();
    }
  }

  // ---------------------------------------------------------------- protocol (event loop)

  private void onText(String text) {
    JsonObject msg;
    try {
      msg = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      error("not a JSON object: " + firstLine(e.getMessage()), List.of());
      return;
    }
    if (msg.size() != 1) {
      error("expected one of {\"auth\": ...}, {\"subscribe\": {...}}, {\"unsubscribe\": id}, {\"history\": \"equity\"}; "
          + "got keys " + msg.fieldNames(), List.of());
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
      case "history" -> {
        if (requireAuth()) {
          history(value);
        }
      }
      default -> error("unknown message '" + key + "', expected auth, subscribe, unsubscribe or history",
          List.of(StreamFilter.problem(key, "unknown message")));
    }
  }

  /**
   * A right token: {@code authenticated}. A wrong one closes the connection only while it
   * still needs the token (reads need it and it has not given it); otherwise it is an error
   * frame and the connection keeps what it may do, its subscriptions included.
   */
  private void auth(Object value) {
    if (!(value instanceof String s)) {
      error("auth expects the token as a string", List.of(StreamFilter.problem("auth", "expected a string")));
      return;
    }
    if (MessageDigest.isEqual(s.getBytes(StandardCharsets.UTF_8), token)) {
      if (!authenticated) {
        if (!hub.promote()) {
          closeWith(1013, "too many WebSocket clients (websocket.max_clients " + options.getMaxClients()
              + "); try again later", List.of());
          return;
        }
        authenticated = true;
        vertx.cancelTimer(authTimer);
      }
      send(new JsonObject().put("authenticated", true));
    } else if (authenticated) {
      error("wrong token", List.of(StreamFilter.problem("auth",
          "not this node's token; this connection goes on as it was")));
    } else {
      closeWith(1008, "wrong token", List.of(StreamFilter.problem("auth", "not this node's token")));
    }
  }

  private void authDeadline() {
    if (!authenticated) {
      closeWith(1008, "no token within " + options.getAuthTimeoutMs() + " ms (websocket.auth_timeout_ms): send "
          + "{\"auth\": \"<token>\"} first or connect with ?token=<token>", List.of());
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
    StreamFilter f = StreamFilter.parse(nextFilterId, value, options.getHistorySize(), problems);
    if (f == null) {
      error("bad subscribe", problems);
      return;
    }
    if (subscriptions >= options.getMaxSubscriptions()) {
      error("too many subscriptions: at most " + options.getMaxSubscriptions()
          + " per connection (websocket.max_subscriptions); unsubscribe one first",
          List.of(StreamFilter.problem("subscribe", "over max_subscriptions")));
      return;
    }
    nextFilterId++;
    subscriptions++;
    hub.subscribe(this, f).onComplete(ar -> context.runOnContext(v -> subscribed(f, ar)));
  }

  private void subscribed(StreamFilter f, AsyncResult<Integer> ar) {
    if (ar.succeeded()) {
      send(new JsonObject().put("subscribed", f.id()).put("filter", f.toJson()).put("history", ar.result()));
    } else {
      subscriptions--;
      error("cannot subscribe: " + ar.cause().getMessage(), List.of());
    }
  }

  private void unsubscribe(Object value) {
    List<Integer> removed = new ArrayList<>();
    if ("*".equals(value)) {
      filters.forEach(f -> removed.add(f.id()));
      filters.removeIf(f -> removed.contains(f.id()));
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
    subscriptions -= removed.size();
    hub.changed().onComplete(ar -> send(new JsonObject().put("unsubscribed", new JsonArray(removed))));
  }

  private void history(Object value) {
    if (!"equity".equals(value)) {
      error("history expects \"equity\" (past events come with a subscribe: {\"subscribe\": {..., \"history\": n}})",
          List.of(StreamFilter.problem("history", "expected \"equity\"")));
      return;
    }
    hub.equityHistory().onComplete(ar -> {
      if (ar.succeeded()) {
        send(new JsonObject().put("history", "equity").put("curves", ar.result()));
      } else {
        error("no equity history: " + ar.cause().getMessage(), List.of());
      }
    });
  }

  // ---------------------------------------------------------------- frames out

  private Future<Void> error(String message, List<JsonObject> details) {
    return send(errorFrame(message, details));
  }

  private static JsonObject errorFrame(String message, List<JsonObject> details) {
    return new JsonObject().put("error", message).put("details", new JsonArray(new ArrayList<>(details)));
  }

  /** A control frame, written on the client's event loop; completes when written. */
  private Future<Void> send(JsonObject msg) {
    if (closed) {
      return Future.succeededFuture();
    }
    Promise<Void> written = Promise.promise();
    context.runOnContext(v -> {
      if (closing || ws.isClosed()) {
        written.complete();
      } else {
        ws.writeTextMessage(msg.encode()).onComplete(written);
      }
    });
    return written.future();
  }

  /**
   * Writes an error frame carrying {@code "close": code}, then closes with that code; nothing
   * is read or written after. On the client's event loop, at once: called from the frame
   * decoder's failure, it must write before the server drops the connection.
   */
  private void closeWith(int code, String message, List<JsonObject> details) {
    if (closing || ws.isClosed()) {
      return;
    }
    closing = true;
    ws.writeTextMessage(errorFrame(message, details).put("close", code).encode());
    // a close reason is at most 123 bytes; the messages here are ASCII
    ws.close((short) code, message.length() > 120 ? message.substring(0, 120) : message);
  }

  private void heartbeat() {
    long silentMs = (System.nanoTime() - lastHeard) / 1_000_000;
    if (silentMs > 3 * options.getPingIntervalMs()) {
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
    vertx.cancelTimer(pingTimer);
    vertx.cancelTimer(authTimer);
    hub.remove(this, authenticated);
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
