package dev.tierbus.loadtest;

import dev.tierbus.api.ApiOptions;
import dev.tierbus.event.Direction;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Signal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * WebSocket fan-out: {@code clients} WebSocket clients on 127.0.0.1 (their own Vert.x in this
 * JVM) each subscribe to SIGNAL for one of {@code symbols} symbols, so every event matches
 * {@code clients / symbols} clients. SIGNALs are published through the router at
 * {@code ratePerSec} in total (a 1 ms timer, spread over the symbols) and travel router
 * (standard tier) → hub → each client's outbox → text frame.
 *
 * <p>events/s = frames received per second (first publish to last frame). Latency: publish
 * ({@code System.nanoTime()} carried in the signal's reason) to the frame's arrival at the
 * client. Conflated frames (a client too slow) are reported as {@code dropped}.
 */
final class WsFanoutCase implements LoadCase {

  private final String name;
  private final int clients;
  private final int symbols;
  private final long ratePerSec;

  WsFanoutCase(String name, int clients, int symbols, long ratePerSec) {
    this.name = name;
    this.clients = clients;
    this.symbols = symbols;
    this.ratePerSec = ratePerSec;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return "WebSocket fan-out: " + clients + " clients, each filtering SIGNAL on 1 of " + symbols + " symbols, "
        + ratePerSec + " SIGNAL/s published (" + clients / symbols + " frames per event)";
  }

  private final Recorder latency = new Recorder(3_600_000_000_000L, 3);
  private final LongAdder frames = new LongAdder();
  private final LongAdder dropped = new LongAdder();

  @Override
  public CaseResult run(Budget budget) throws Exception {
    try (ApiNode node = ApiNode.start(1, new ApiOptions().setMaxClients(clients + 10))) {
      Vertx clientVertx = Vertx.vertx();
      try {
        WebSocketClient wsClient = clientVertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(clients + 10));
        List<WebSocket> sockets = connect(wsClient, node.server().port());
        publish(node, budget.warmupMillis());
        int perEvent = clients / symbols;
        Await.until(() -> frames.sum() + dropped.sum()
            + node.server().webSocketEventsConflated() * perEvent >= expectedSoFar, 10_000, "warm-up frames");
        long conflatedBefore = node.server().webSocketEventsConflated();
        frames.reset();
        dropped.reset();
        rejected.set(0);
        latency.reset();
        expectedSoFar = 0;
        Measurement m = Measurement.start();
        long published = publish(node, budget.measureMillis());
        long expected = published * (clients / symbols);
        m.stopAt(Await.until(() -> frames.sum() + dropped.sum()
            + (node.server().webSocketEventsConflated() - conflatedBefore) * perEvent >= expected,
            20_000, "measured frames"));
        long hubConflated = node.server().webSocketEventsConflated() - conflatedBefore;
        Histogram h = latency.getIntervalHistogram();
        Latencies lat = Latencies.ofNanos(h);
        JsonObject extra = new JsonObject()
            .put("clients", clients)
            .put("symbols", symbols)
            .put("frames_per_event", clients / symbols)
            .put("offered_rate", ratePerSec)
            .put("published", published)
            .put("published_per_sec", Math.round(published / m.seconds()))
            .put("delivered", frames.sum())
            .put("dropped", dropped.sum())
            .put("rejected", rejected.get())
            .put("events_conflated_before_fan_out", hubConflated)
            .put("events_per_sec_counts", "WebSocket frames received by all clients");
        m.report(extra, lat, "router publish (nanoTime in the signal) to frame arrival at the client, all clients",
            "all threads (server and clients) / frames delivered");
        for (WebSocket ws : sockets) {
          ws.close();
        }
        return m.result(name, frames.sum(), lat, Math.max(1, frames.sum()), extra);
      } finally {
        Await.result(clientVertx.close());
      }
    }
  }

  private volatile long expectedSoFar;
  private final AtomicLong rejected = new AtomicLong();

  private List<WebSocket> connect(WebSocketClient wsClient, int port) throws Exception {
    List<WebSocket> sockets = new ArrayList<>();
    for (int from = 0; from < clients; from += 100) {
      List<Future<WebSocket>> batch = new ArrayList<>();
      for (int i = from; i < Math.min(clients, from + 100); i++) {
        String symbol = "S" + (i % symbols);
        batch.add(wsClient.connect(port, "127.0.0.1", "/ws/signals").compose(ws -> {
          io.vertx.core.Promise<WebSocket> acked = io.vertx.core.Promise.promise();
          ws.handler(data -> onFrame(data, acked, ws));
          ws.writeTextMessage(new JsonObject().put("subscribe", new JsonObject()
              .put("events", List.of("SIGNAL")).put("symbols", List.of(symbol))).encode());
          return acked.future();
        }));
      }
      sockets.addAll(Await.result(Future.all(batch)).list());
    }
    return sockets;
  }

  /** Reads the publish time and the dropped count straight from the frame's bytes (no JSON parsing). */
  private void onFrame(io.vertx.core.buffer.Buffer buffer, io.vertx.core.Promise<WebSocket> acked, WebSocket ws) {
    long now = System.nanoTime();
    // one copy, then plain array scans: Buffer.getByte per byte checks the buffer each time
    byte[] data = buffer.getBytes();
    int t = indexOf(data, REASON, 0);
    if (t < 0) {
      if (indexOf(data, SUBSCRIBED, 0) >= 0) {
        acked.tryComplete(ws);
      }
      return;
    }
    long sent = parseLong(data, t + REASON.length);
    latency.recordValue(Math.max(0, now - sent));
    int d = indexOf(data, DROPPED, 0);
    if (d >= 0 && d < 40) {
      dropped.add(parseLong(data, d + DROPPED.length));
    }
    frames.increment();
  }

  private static final byte[] REASON = "\"reason\":\"t=".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] DROPPED = "\"dropped\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] SUBSCRIBED = "\"subscribed\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private static int indexOf(byte[] b, byte[] what, int from) {
    int n = b.length - what.length;
    outer:
    for (int i = from; i <= n; i++) {
      for (int j = 0; j < what.length; j++) {
        if (b[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static long parseLong(byte[] b, int from) {
    long v = 0;
    for (int i = from; i < b.length; i++) {
      byte c = b[i];
      if (c < '0' || c > '9') {
        break;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * Publishes SIGNALs at the case's rate for {@code millis} from a thread of its own (not an
   * event loop the server needs), catching up each millisecond; returns how many were accepted.
   */
  private long publish(ApiNode node, long millis) throws Exception {
    long start = System.nanoTime();
    long end = start + millis * 1_000_000L;
    double perNano = ratePerSec / 1e9;
    long sent = 0;
    long rejectedBefore = rejected.get();
    for (long now = start; now < end; now = System.nanoTime()) {
      long due = (long) ((now - start) * perNano) - sent;
      for (long k = 0; k < due; k++) {
        long n = sent++;
        Event e = Event.of(EventType.SIGNAL, "source", "S" + (n % symbols), System.currentTimeMillis() * 1_000_000L,
            new Signal(Direction.LONG, 0.5, "t=" + System.nanoTime(), "source"));
        node.runtime().router().publish(e).onFailure(x -> rejected.incrementAndGet());
      }
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
    }
    long accepted = sent - (rejected.get() - rejectedBefore);
    expectedSoFar = accepted * (clients / symbols);
    return accepted;
  }
}
