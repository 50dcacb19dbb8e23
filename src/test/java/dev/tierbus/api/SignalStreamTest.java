package dev.tierbus.api;

import dev.tierbus.journal.JournalOptions;
import dev.tierbus.journal.ReliableTier;
import dev.tierbus.journal.ReliableTiers;

import static dev.tierbus.api.ApiTestNode.await;
import static dev.tierbus.api.ApiTestNode.eventually;
import static dev.tierbus.api.ApiTopologies.ticker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Direction;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Signal;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /ws/signals: filters, bad messages, auth, a slow client that does not hold up a fast one, heartbeats. */
class SignalStreamTest {

  static final String TOPOLOGY = ticker("feed", "AAPL", "MSFT") + ticker("feed2", "GOOG")
      + "manual: {container_type: sink}\n";

  @TempDir
  Path dir;

  static JsonObject filter(String events, String symbols, String sources) {
    JsonObject f = new JsonObject();
    if (events != null) {
      f.put("events", new JsonArray(List.of(events.split(","))));
    }
    if (symbols != null) {
      f.put("symbols", new JsonArray(List.of(symbols.split(","))));
    }
    if (sources != null) {
      f.put("sources", new JsonArray(List.of(sources.split(","))));
    }
    return f;
  }

  @Test
  void eachClientGetsWhatItsFiltersMatchAsOneFramePerEvent() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY);
         WsTestClient a = WsTestClient.connect(node.vertx, node.server.port(), "/ws/signals");
         WsTestClient b = WsTestClient.connect(node.vertx, node.server.port(), "/ws/signals")) {
      a.subscribe(filter("SIGNAL", "AAPL", null));
      b.subscribe(filter("SIGNAL", null, "feed2"));
      eventually("both get 20 events", () -> a.events().size() >= 20 && b.events().size() >= 20);
      List<JsonObject> ae = a.events();
      assertThat(ae).allSatisfy(f -> {
        assertThat(f.getString("type")).isEqualTo("SIGNAL");
        assertThat(f.getString("symbol")).isEqualTo("AAPL");
        assertThat(f.getString("source")).isEqualTo("feed");
        assertThat(f.getString("time")).endsWith("Z");
        assertThat(f.getJsonObject("payload").getString("direction")).isIn("LONG", "SHORT");
        assertThat(f.getValue("id")).isNotNull();
        assertThat(f.containsKey("dropped")).isFalse();
      });
      for (int i = 0; i < ae.size(); i++) {
        assertThat(ae.get(i).getLong("seq")).isEqualTo(i + 1);
      }
      assertThat(b.events()).allSatisfy(f -> {
        assertThat(f.getString("symbol")).isEqualTo("GOOG");
        assertThat(f.getString("source")).isEqualTo("feed2");
      });
      // the hub is one subscriber of the router per event type
      assertThat(node.runtime.router().routes()).anySatisfy(r -> assertThat(r.subscriber()).isEqualTo("api.websocket"));
    }
  }

  @Test
  void aBadMessageGetsAnErrorFrameAndTheConnectionStaysUsable() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY);
         WsTestClient c = WsTestClient.connect(node.vertx, node.server.port(), "/ws/signals")) {
      c.ws.writeTextMessage("this is not json");
      JsonObject e1 = c.awaitFrame(0, f -> f.containsKey("error"));
      assertThat(e1.getString("error")).contains("not a JSON object");
      int n = c.frames.size();
      c.send(new JsonObject().put("subscribe", filter("SIGNAL,NOPE", null, null)));
      JsonObject e2 = c.awaitFrame(n, f -> f.containsKey("error"));
      assertThat(e2.getJsonArray("details").getJsonObject(0).getString("path")).isEqualTo("subscribe.events[1]");
      n = c.frames.size();
      c.send(new JsonObject().put("subscribe", new JsonObject().put("symbols", "AAPL")));
      assertThat(c.awaitFrame(n, f -> f.containsKey("error")).getJsonArray("details").getJsonObject(0).getString("path"))
          .isEqualTo("subscribe.symbols");
      n = c.frames.size();
      c.send(new JsonObject().put("dance", true));
      assertThat(c.awaitFrame(n, f -> f.containsKey("error")).getString("error")).contains("unknown message 'dance'");
      n = c.frames.size();
      c.send(new JsonObject().put("unsubscribe", 99));
      assertThat(c.awaitFrame(n, f -> f.containsKey("error")).getString("error")).contains("no subscription 99");
      assertThat(c.events()).isEmpty();

      int mark = c.subscribe(filter("SIGNAL", "MARK", "manual"));
      int x = c.subscribe(filter("SIGNAL", "X", "manual"));
      assertThat(publish(node, "X")).isNotNull();
      c.awaitFrame(0, f -> "X".equals(f.getString("symbol")));
      n = c.frames.size();
      c.send(new JsonObject().put("unsubscribe", x));
      assertThat(c.awaitFrame(n, f -> f.containsKey("unsubscribed")).getJsonArray("unsubscribed")).containsExactly(x);
      publish(node, "X");
      long markId = publish(node, "MARK");
      c.awaitFrame(0, f -> Long.valueOf(markId).equals(f.getLong("id")));
      assertThat(c.events().stream().filter(f -> "X".equals(f.getString("symbol")))).hasSize(1);
      assertThat(mark).isNotEqualTo(x);
      assertThat(c.closed).isFalse();
    }
  }

  private static Long publish(ApiTestNode node, String symbol) throws Exception {
    Event e = Event.of(EventType.SIGNAL, "manual", symbol, System.currentTimeMillis() * 1_000_000L,
        new Signal(Direction.FLAT, 0, "mark", "manual"));
    await(node.runtime.router().publish(e));
    return e.id();
  }

  @Test
  void reliableTierEventsReachTheStreamAndTheirDeliveryIsConfirmed() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY);
         WsTestClient c = WsTestClient.connect(node.vertx, node.server.port(), "/ws/signals")) {
      ReliableTier tier = ApiTestNode.await(ReliableTiers.install(node.runtime.router(),
          new JournalOptions().setStore(JournalOptions.Store.MEMORY)));
      c.subscribe(filter("FILL,ORDER", "AAPL", null));
      JsonObject fill = new JsonObject().put("type", "FILL").put("source", "manual").put("symbol", "AAPL")
          .put("payload", new JsonObject().put("order_id", "o-9").put("side", "SELL").put("quantity", 2)
              .put("price", 101.25).put("commission", 0.5));
      assertThat(node.send(io.vertx.core.http.HttpMethod.POST, "/api/events", fill).statusCode()).isEqualTo(202);
      JsonObject frame = c.awaitFrame(0, f -> "FILL".equals(f.getString("type")));
      assertThat(frame.getJsonObject("payload").getDouble("price")).isEqualTo(101.25);
      assertThat(frame.getString("source")).isEqualTo("manual");
      eventually("the hub's delivery was confirmed", () -> tier.metrics().delivered() == 1);
      assertThat(tier.metrics().errors()).isZero();
      assertThat(tier.status().pending()).isZero();
    }
  }

  @Test
  void withAuthReadsTheTokenComesAsAParameterOrAsTheFirstMessage() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY, new ApiOptions().setAuthReads(true), null)) {
      try (WsTestClient c = WsTestClient.connect(node.vertx, node.server.port(), "/ws/signals")) {
        c.send(new JsonObject().put("subscribe", filter("SIGNAL", null, null)));
        assertThat(c.awaitFrame(0, f -> f.containsKey("error")).getString("error")).contains("authenticate first");
        int n = c.frames.size();
        c.send(new JsonObject().put("auth", ApiTestNode.TOKEN));
        assertThat(c.awaitFrame(n, f -> f.containsKey("authenticated")).getBoolean("authenticated")).isTrue();
        c.subscribe(filter("SIGNAL", "AAPL", null));
        c.awaitFrame(0, f -> f.containsKey("seq"));
      }
      try (WsTestClient c = WsTestClient.connect(node.vertx, node.server.port(), "/ws/signals?token=" + ApiTestNode.TOKEN)) {
        c.subscribe(filter("SIGNAL", "AAPL", null));
        c.awaitFrame(0, f -> f.containsKey("seq"));
      }
      try (WsTestClient c = WsTestClient.connect(node.vertx, node.server.port(), "/ws/signals")) {
        c.send(new JsonObject().put("auth", "wrong"));
        assertThat(c.awaitFrame(0, f -> f.containsKey("error")).getString("error")).isEqualTo("wrong token");
        eventually("closed by the server", () -> c.closed);
      }
      var refused = node.vertx.createWebSocketClient().connect(node.server.port(), "127.0.0.1", "/ws/signals?token=wrong");
      assertThat(refused.toCompletionStage().toCompletableFuture().handle((ws, e) -> e).get()).isNotNull()
          .hasMessageContaining("403");
    }
  }

  @Test
  void aSlowClientIsConflatedWhileAFastOneGetsEverythingAndTheRouterIsNotHeldUp() throws Exception {
    int events = 4000;
    String big = "x".repeat(8000);
    String[] symbols = {"S1", "S2", "S3", "S4"};
    try (ApiTestNode node = ApiTestNode.start(dir, "manual: {container_type: sink}\n",
        new ApiOptions().setInstances(2).setMaxPendingFrames(512), null);
         WsTestClient fast = WsTestClient.connect(node.vertx, node.server.port(), "/ws/signals");
         WsTestClient slow = WsTestClient.connect(node.vertx, node.server.port(), "/ws/signals")) {
      fast.subscribe(filter("SIGNAL", null, null));
      slow.subscribe(filter("SIGNAL", null, null));
      slow.ws.pause();
      Map<String, Long> lastId = new HashMap<>();
      List<Future<Void>> published = new ArrayList<>();
      for (int i = 0; i < events; i++) {
        String sym = symbols[i % symbols.length];
        Event e = Event.of(EventType.SIGNAL, "manual", sym, System.currentTimeMillis() * 1_000_000L,
            new Signal(Direction.LONG, 0.1, big, "n" + i));
        lastId.put(sym, e.id());
        published.add(node.runtime.router().publish(e));
        if (published.size() == 200) {
          // a burst the fast client can take without falling 512 frames behind
          await(Future.all(published));
          published.clear();
          int sent = i + 1;
          eventually("the fast client keeps up", () -> fast.events().size() == sent);
        }
      }
      await(Future.all(published));
      assertThat(node.runtime.router().metrics().standard().rejected()).isZero();
      eventually("the fast client got every event", () -> fast.events().size() == events);
      assertThat(fast.events()).allSatisfy(f -> assertThat(f.containsKey("dropped")).isFalse());

      slow.ws.resume();
      eventually("the slow client got what was kept", () -> {
        List<JsonObject> got = slow.events();
        long dropped = got.stream().mapToLong(f -> f.getLong("dropped", 0L)).sum();
        return got.size() + dropped == events;
      });
      List<JsonObject> got = slow.events();
      long dropped = got.stream().mapToLong(f -> f.getLong("dropped", 0L)).sum();
      assertThat(dropped).as("conflated").isPositive();
      assertThat(got.size()).isLessThan(events);
      for (int i = 0; i < got.size(); i++) {
        assertThat(got.get(i).getLong("seq")).isEqualTo(i + 1);
      }
      // the latest event of every symbol was kept
      for (String sym : symbols) {
        assertThat(got).anySatisfy(f -> assertThat(f.getLong("id")).isEqualTo(lastId.get(sym)));
      }
      assertThat(node.get("/api/metrics").bodyAsJsonObject().getJsonObject("websocket").getLong("frames_dropped"))
          .isEqualTo(dropped);
    }
  }

  @Test
  void aClientThatNeverAnswersPingsIsClosedOthersStay() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY, new ApiOptions().setInstances(1).setPingIntervalMs(250), null);
         WsTestClient alive = WsTestClient.connect(node.vertx, node.server.port(), "/ws/signals")) {
      NetClient net = node.vertx.createNetClient();
      NetSocket raw = await(net.connect(node.server.port(), "127.0.0.1"));
      boolean[] rawClosed = new boolean[1];
      Buffer received = Buffer.buffer();
      raw.handler(received::appendBuffer);
      raw.closeHandler(v -> rawClosed[0] = true);
      await(raw.write("GET /ws/signals HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"));
      eventually("the raw client is upgraded", () -> received.toString().startsWith("HTTP/1.1 101"));
      eventually("two WebSocket clients", () -> node.server.webSocketClients() == 2);
      eventually("the silent client is dropped", () -> node.server.webSocketClients() == 1);
      assertThat(alive.closed).isFalse();
      eventually("the silent client's connection is closed", () -> rawClosed[0]);
      assertThat(alive.closed).isFalse();
      await(net.close());
    }
  }
}
