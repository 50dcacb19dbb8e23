package dev.tierbus.api;

import static dev.tierbus.api.ApiTestNode.eventually;
import static dev.tierbus.api.ApiTopologies.ticker;
import static dev.tierbus.api.SignalStreamTest.filter;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /ws/signals under bad or greedy clients: anonymous sockets with {@code auth_reads} (their own
 * cap, their deadline), a wrong token while reads are open, the cap on subscriptions, oversized
 * messages and protocol errors (an error frame, then the close code that says why). Through all
 * of it a well-behaved client keeps its stream.
 */
class WebSocketLimitsTest {

  static final String TOPOLOGY = ticker("feed", "AAPL");

  @TempDir
  Path dir;

  private static WsTestClient connect(ApiTestNode node, String uri) throws Exception {
    return WsTestClient.connect(node.vertx, node.server.port(), uri);
  }

  private static UpgradeRejectedException refused(ApiTestNode node, String uri) throws Exception {
    var attempt = node.vertx.createWebSocketClient().connect(node.server.port(), "127.0.0.1", uri);
    Throwable e = attempt.toCompletionStage().toCompletableFuture().handle((ws, err) -> err).get();
    assertThat(e).as("the upgrade of %s was not refused", uri).isInstanceOf(UpgradeRejectedException.class);
    return (UpgradeRejectedException) e;
  }

  /** Waits for more events than {@code before}: the stream goes on. */
  private static void streamGoesOn(WsTestClient c) throws InterruptedException {
    int before = c.events().size();
    eventually("more events after " + before, () -> c.events().size() >= before + 5);
  }

  @Test
  void anonymousSocketsHaveTheirOwnCapAndNeverLockTheRightTokenOut() throws Exception {
    ApiOptions options = new ApiOptions().setInstances(1).setAuthReads(true).setMaxClients(2).setMaxUnauthenticated(5)
        .setAuthTimeoutMs(60_000);
    List<WsTestClient> anonymous = new ArrayList<>();
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY, options, null)) {
      try {
        for (int i = 0; i < 5; i++) {
          anonymous.add(connect(node, "/ws/signals"));
        }
        UpgradeRejectedException sixth = refused(node, "/ws/signals");
        assertThat(sixth.getStatus()).isEqualTo(503);
        assertThat(sixth.getBody().toString()).contains("max_unauthenticated 5", "?token=");

        // the five anonymous sockets take none of the readers' places
        try (WsTestClient reader = connect(node, "/ws/signals?token=" + ApiTestNode.TOKEN)) {
          reader.subscribe(filter("SIGNAL", "AAPL", null));
          streamGoesOn(reader);
          WsTestClient second = connect(node, "/ws/signals?token=" + ApiTestNode.TOKEN);
          UpgradeRejectedException third = refused(node, "/ws/signals?token=" + ApiTestNode.TOKEN);
          assertThat(third.getStatus()).isEqualTo(503);
          assertThat(third.getBody().toString()).contains("max_clients 2");

          // the token from an anonymous socket while the readers are full: told, then closed 1013
          WsTestClient late = anonymous.get(0);
          late.send(new JsonObject().put("auth", ApiTestNode.TOKEN));
          eventually("closed for want of room", () -> late.closed);
          assertThat(late.closeCode).isEqualTo((short) 1013);
          assertThat(late.errors()).singleElement().satisfies(e -> {
            assertThat(e.getString("error")).contains("max_clients 2");
            assertThat(e.getInteger("close")).isEqualTo(1013);
          });

          // a reader leaves: an anonymous socket that gives the token takes its place
          second.close();
          eventually("the reader has left", () -> node.server.webSocketClients() == 5);
          WsTestClient next = anonymous.get(1);
          int n = next.frames.size();
          next.send(new JsonObject().put("auth", ApiTestNode.TOKEN));
          assertThat(next.awaitFrame(n, f -> f.containsKey("authenticated") || f.containsKey("error"))
              .getBoolean("authenticated")).isTrue();
          next.subscribe(filter("SIGNAL", "AAPL", null));
          streamGoesOn(next);
          // ... and its anonymous place is free again
          anonymous.add(connect(node, "/ws/signals"));
          streamGoesOn(reader);
        }
      } finally {
        for (WsTestClient c : anonymous) {
          c.close();
        }
      }
    }
  }

  @Test
  void aSocketWithoutTheTokenIsToldAndClosedAtItsDeadlineOneThatGaveItStays() throws Exception {
    ApiOptions options = new ApiOptions().setInstances(1).setAuthReads(true).setAuthTimeoutMs(400);
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY, options, null);
         WsTestClient silent = connect(node, "/ws/signals");
         WsTestClient prompt = connect(node, "/ws/signals")) {
      prompt.send(new JsonObject().put("auth", ApiTestNode.TOKEN));
      prompt.awaitFrame(0, f -> f.containsKey("authenticated"));
      prompt.subscribe(filter("SIGNAL", "AAPL", null));

      eventually("the silent socket is closed", () -> silent.closed);
      assertThat(silent.closeCode).isEqualTo((short) 1008);
      assertThat(silent.errors()).singleElement().satisfies(e -> {
        assertThat(e.getString("error")).contains("no token within 400 ms", "auth_timeout_ms");
        assertThat(e.getInteger("close")).isEqualTo(1008);
      });
      Thread.sleep(600);
      streamGoesOn(prompt);
      assertThat(prompt.closed).isFalse();
      assertThat(prompt.errors()).isEmpty();
    }
  }

  @Test
  void aWrongTokenWhileReadsAreOpenIsAnErrorFrameAndTheStreamGoesOn() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY, new ApiOptions().setInstances(1), null);
         WsTestClient c = connect(node, "/ws/signals")) {
      int id = c.subscribe(filter("SIGNAL", "AAPL", null));
      streamGoesOn(c);
      int n = c.frames.size();
      c.send(new JsonObject().put("auth", "not-the-token"));
      JsonObject e = c.awaitFrame(n, f -> f.containsKey("error"));
      assertThat(e.getString("error")).isEqualTo("wrong token");
      assertThat(e.getJsonArray("details").getJsonObject(0).getString("path")).isEqualTo("auth");
      assertThat(e.containsKey("close")).isFalse();
      streamGoesOn(c);
      n = c.frames.size();
      c.send(new JsonObject().put("auth", ApiTestNode.TOKEN));
      assertThat(c.awaitFrame(n, f -> f.containsKey("authenticated")).getBoolean("authenticated")).isTrue();
      // the subscription made before both is still there
      n = c.frames.size();
      c.send(new JsonObject().put("unsubscribe", id));
      assertThat(c.awaitFrame(n, f -> f.containsKey("unsubscribed") || f.containsKey("error"))
          .getJsonArray("unsubscribed")).containsExactly(id);
      assertThat(c.closed).isFalse();
    }
  }

  @Test
  void aWrongTokenInTheAddressWhileReadsAreOpenIsToldInTheFirstFrame() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY, new ApiOptions().setInstances(1), null);
         WsTestClient c = connect(node, "/ws/signals?token=not-the-token")) {
      JsonObject e = c.awaitFrame(0, f -> f.containsKey("error"));
      assertThat(e.getString("error")).isEqualTo("wrong token");
      assertThat(e.getJsonArray("details").getJsonObject(0).getString("path")).isEqualTo("token");
      assertThat(c.frames.get(0)).isEqualTo(e);
      c.subscribe(filter("SIGNAL", "AAPL", null));
      streamGoesOn(c);
      assertThat(c.closed).isFalse();
    }
  }

  @Test
  void oneSubscriptionOverTheCapIsAnErrorFrameAndTheConnectionStays() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY, new ApiOptions().setInstances(1).setMaxSubscriptions(3), null);
         WsTestClient c = connect(node, "/ws/signals")) {
      int first = c.subscribe(filter("SIGNAL", "AAPL", null));
      c.subscribe(filter("SIGNAL", "MSFT", null));
      c.subscribe(filter("FILL", null, null));
      int n = c.frames.size();
      c.send(new JsonObject().put("subscribe", filter("ORDER", null, null)));
      JsonObject e = c.awaitFrame(n, f -> f.containsKey("error") || f.containsKey("subscribed"));
      assertThat(e.getString("error")).contains("too many subscriptions", "max_subscriptions");
      assertThat(e.getJsonArray("details").getJsonObject(0).getString("path")).isEqualTo("subscribe");
      streamGoesOn(c);
      n = c.frames.size();
      c.send(new JsonObject().put("unsubscribe", first));
      c.awaitFrame(n, f -> f.containsKey("unsubscribed"));
      c.subscribe(filter("SIGNAL", "AAPL", null));
      streamGoesOn(c);
      assertThat(c.closed).isFalse();
    }
  }

  @Test
  void aFrameOverMaxFrameBytesGetsAnErrorFrameThenClose1009() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY, new ApiOptions().setInstances(1).setMaxFrameBytes(1024), null);
         WsTestClient bystander = connect(node, "/ws/signals");
         WsTestClient c = connect(node, "/ws/signals")) {
      bystander.subscribe(filter("SIGNAL", "AAPL", null));
      c.subscribe(filter("SIGNAL", "AAPL", null));
      // one text frame of 2 000 bytes (the test client's own limit is far higher)
      c.ws.writeTextMessage(new JsonObject().put("subscribe", new JsonObject().put("sources", List.of("x".repeat(1980))))
          .encode());
      eventually("closed", () -> c.closed);
      assertThat(c.closeCode).isEqualTo((short) 1009);
      assertThat(c.errors()).singleElement().satisfies(e -> {
        assertThat(e.getString("error")).contains("more than 1024 bytes", "max_frame_bytes");
        assertThat(e.getInteger("close")).isEqualTo(1009);
      });
      streamGoesOn(bystander);
    }
  }

  @Test
  void aFragmentedMessageOverMaxFrameBytesGetsAnErrorFrameThenClose1009() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY, new ApiOptions().setInstances(1).setMaxFrameBytes(1024), null);
         RawWebSocket raw = RawWebSocket.connect(node.server.port(), "/ws/signals")) {
      byte[] part = "x".repeat(600).getBytes(StandardCharsets.US_ASCII);
      raw.send(RawWebSocket.TEXT, false, part);
      raw.send(RawWebSocket.CONTINUATION, false, part);
      raw.send(RawWebSocket.CONTINUATION, true, part);
      assertErrorThenClose(raw.readUntilClose(), 1009, "more than 1024 bytes");
    }
  }

  @Test
  void protocolErrorsGetAnErrorFrameThenTheCloseCodeThatSaysWhy() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY, new ApiOptions().setInstances(1), null);
         WsTestClient bystander = connect(node, "/ws/signals")) {
      bystander.subscribe(filter("SIGNAL", "AAPL", null));
      int port = node.server.port();
      try (RawWebSocket raw = RawWebSocket.connect(port, "/ws/signals")) {
        raw.send(RawWebSocket.CONTINUATION, true, "{}".getBytes(StandardCharsets.US_ASCII));
        assertErrorThenClose(raw.readUntilClose(), 1002, "continuation");
      }
      try (RawWebSocket raw = RawWebSocket.connect(port, "/ws/signals")) {
        raw.send(RawWebSocket.TEXT, false, "{\"a\":".getBytes(StandardCharsets.US_ASCII));
        raw.send(RawWebSocket.TEXT, true, "{}".getBytes(StandardCharsets.US_ASCII));
        assertErrorThenClose(raw.readUntilClose(), 1002, "protocol error");
      }
      try (RawWebSocket raw = RawWebSocket.connect(port, "/ws/signals")) {
        raw.send(0x3, true, "{}".getBytes(StandardCharsets.US_ASCII));
        assertErrorThenClose(raw.readUntilClose(), 1002, "reserved opcode");
      }
      try (RawWebSocket raw = RawWebSocket.connect(port, "/ws/signals")) {
        // "é" cut after its first byte: not UTF-8
        raw.send(RawWebSocket.TEXT, true, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'});
        assertErrorThenClose(raw.readUntilClose(), 1007, "not valid UTF-8");
      }
      try (RawWebSocket raw = RawWebSocket.connect(port, "/ws/signals")) {
        // UTF-8 split between two fragments is fine
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        raw.send(RawWebSocket.TEXT, false, new byte[] {'{', '"', 'a', '"', ':', '"', e[0]});
        raw.send(RawWebSocket.CONTINUATION, true, new byte[] {e[1], '"', '}'});
        RawWebSocket.Frame answer = raw.read();
        assertThat(answer.opcode()).isEqualTo(RawWebSocket.TEXT);
        assertThat(new JsonObject(answer.text()).getString("error")).contains("unknown message 'a'");
      }
      try (RawWebSocket raw = RawWebSocket.connect(port, "/ws/signals")) {
        raw.send(RawWebSocket.BINARY, true, new byte[] {1, 2, 3});
        assertErrorThenClose(raw.readUntilClose(), 1003, "binary frames are not understood");
      }
      streamGoesOn(bystander);
      assertThat(bystander.closed).isFalse();
    }
  }

  /** The frames end with an error frame that names the close code, then the close frame with it. */
  private static void assertErrorThenClose(List<RawWebSocket.Frame> frames, int code, String says) {
    assertThat(frames).as("frames until the close").hasSizeGreaterThanOrEqualTo(2);
    RawWebSocket.Frame close = frames.get(frames.size() - 1);
    RawWebSocket.Frame error = frames.get(frames.size() - 2);
    assertThat(close.opcode()).isEqualTo(RawWebSocket.CLOSE);
    assertThat(close.closeCode()).isEqualTo(code);
    assertThat(error.opcode()).isEqualTo(RawWebSocket.TEXT);
    JsonObject e = new JsonObject(error.text());
    assertThat(e.getString("error")).contains(says);
    assertThat(e.getInteger("close")).isEqualTo(code);
  }
}
