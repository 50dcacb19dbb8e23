package dev.tierbus.api;

import static dev.tierbus.api.ApiTestNode.await;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A WebSocket client of /ws/signals for tests: keeps every frame it received, in order. */
final class WsTestClient implements AutoCloseable {

  final WebSocketClient client;
  final WebSocket ws;
  final List<JsonObject> frames = new CopyOnWriteArrayList<>();
  volatile boolean closed;
  /** The status code of the server's close frame, once closed (null: none came). */
  volatile Short closeCode;

  private WsTestClient(WebSocketClient client, WebSocket ws) {
    this.client = client;
    this.ws = ws;
    ws.textMessageHandler(t -> frames.add(new JsonObject(t)));
    ws.closeHandler(v -> {
      closeCode = ws.closeStatusCode();
      closed = true;
    });
  }

  static WsTestClient connect(Vertx vertx, int port, String uri) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20)
        .setMaxMessageSize(1 << 22));
    try {
      // handlers set as the connection completes, on its event loop: a frame the server sends at once is kept
      return await(client.connect(port, "127.0.0.1", uri).map(ws -> new WsTestClient(client, ws)));
    } catch (Exception e) {
      client.close();
      throw e;
    }
  }

  void send(JsonObject msg) throws Exception {
    await(ws.writeTextMessage(msg.encode()));
  }

  /** Sends a subscribe and waits for its acknowledgement; returns the subscription id. */
  int subscribe(JsonObject filter) throws Exception {
    int before = frames.size();
    send(new JsonObject().put("subscribe", filter));
    JsonObject ack = awaitFrame(before, f -> f.containsKey("subscribed") || f.containsKey("error"));
    if (!ack.containsKey("subscribed")) {
      throw new AssertionError("subscribe refused: " + ack.encode());
    }
    return ack.getInteger("subscribed");
  }

  /** The first frame at or after index {@code from} that matches, waiting for it. */
  JsonObject awaitFrame(int from, Predicate<JsonObject> p) throws InterruptedException {
    JsonObject[] found = new JsonObject[1];
    ApiTestNode.eventually("a frame matching the condition", () -> {
      for (int i = from; i < frames.size(); i++) {
        if (p.test(frames.get(i))) {
          found[0] = frames.get(i);
          return true;
        }
      }
      return false;
    });
    return found[0];
  }

  List<JsonObject> events() {
    return frames.stream().filter(f -> f.containsKey("seq")).toList();
  }

  /** The error frames received, in order. */
  List<JsonObject> errors() {
    return frames.stream().filter(f -> f.containsKey("error")).toList();
  }

  @Override
  public void close() throws Exception {
    try {
      if (!closed) {
        await(ws.close());
      }
    } catch (Exception ignored) {
      // already closed by the server
    }
    await(client.close());
  }
}
