package dev.tierbus.api;

import static dev.tierbus.api.ApiTestNode.await;
import static dev.tierbus.api.ApiTestNode.eventually;
import static dev.tierbus.api.SignalStreamTest.filter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Direction;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.PortfolioUpdate;
import dev.tierbus.event.Signal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History over /ws/signals: a subscribe with {@code history: n} first gets the last n matching
 * events the hub saw (flagged, in order), then the live ones, with nothing missing or twice
 * between them; {@code {"history": "equity"}} answers with the equity curves in one frame.
 */
class WebSocketHistoryTest {

  static final String TOPOLOGY = "manual: {container_type: sink}\n";

  @TempDir
  Path dir;

  private static Event signal(String symbol, int n) {
    return Event.of(EventType.SIGNAL, "manual", symbol, System.currentTimeMillis() * 1_000_000L,
        new Signal(Direction.LONG, 0.5, "n" + n, "manual"));
  }

  private static Event portfolio(long timeMs, double equity) {
    return Event.of(EventType.PORTFOLIO_UPDATE, "manual", null, timeMs * 1_000_000L,
        new PortfolioUpdate(equity / 2, equity, 0, 0, Map.of()));
  }

  private static List<Long> ids(List<JsonObject> frames) {
    return frames.stream().map(f -> f.getLong("id")).toList();
  }

  @Test
  void aSubscribeWithHistoryGetsThePastFirstThenLiveWithNothingMissingOrTwice() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY, new ApiOptions().setInstances(1), null)) {
      List<Long> published = new CopyOnWriteArrayList<>();
      // before any client: the hub follows SIGNAL from the start
      for (int i = 0; i < 40; i++) {
        Event e = signal(i % 2 == 0 ? "A" : "B", i);
        await(node.runtime.router().publish(e));
        if (e.symbol().equals("A")) {
          published.add(e.id());
        }
      }
      // and while the client subscribes, events keep coming (a few every millisecond), one publisher in order
      int[] n = {40};
      long timer = node.vertx.setPeriodic(1, id -> {
        for (int k = 0; k < 4; k++) {
          Event e = signal(n[0] % 2 == 0 ? "A" : "B", n[0]++);
          if (e.symbol().equals("A")) {
            published.add(e.id());
          }
          node.runtime.router().publish(e);
        }
      });
      try (WsTestClient c = WsTestClient.connect(node.vertx, node.server.port(), "/ws/signals")) {
        int before = c.frames.size();
        c.send(new JsonObject().put("subscribe", filter("SIGNAL", "A", null).put("history", 10)));
        JsonObject ack = c.awaitFrame(before, f -> f.containsKey("subscribed") || f.containsKey("error"));
        assertThat(ack.getInteger("history")).as(ack.encode()).isEqualTo(10);
        eventually("live events after the history", () -> c.events().size() >= 40);
        node.vertx.cancelTimer(timer);
        long last = published.get(published.size() - 1);
        eventually("the last event published", () -> c.events().stream().anyMatch(f -> f.getLong("id") == last));

        List<JsonObject> got = c.events();
        assertThat(got.subList(0, 10)).allSatisfy(f -> {
          assertThat(f.getBoolean("history")).isTrue();
          assertThat(f.getString("symbol")).isEqualTo("A");
        });
        assertThat(got.subList(10, got.size())).allSatisfy(f -> assertThat(f.containsKey("history")).isFalse());
        for (int i = 0; i < got.size(); i++) {
          assertThat(got.get(i).getLong("seq")).isEqualTo(i + 1);
        }
        // history then live: one run of what was published, ending with the last one
        List<Long> ids = ids(got);
        int start = published.indexOf(ids.get(0));
        assertThat(start).as("the first history event was published").isNotNegative();
        assertThat(ids).containsExactlyElementsOf(published.subList(start, published.size()));
        assertThat(start).as("history reaches back 10 events before live began").isGreaterThanOrEqualTo(10);
      } finally {
        node.vertx.cancelTimer(timer);
      }
    }
  }

  @Test
  void historyIsBoundedByHistorySizeAndAskingForMoreIsAnErrorFrame() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY, new ApiOptions().setInstances(1).setHistorySize(5), null);
         WsTestClient watcher = WsTestClient.connect(node.vertx, node.server.port(), "/ws/signals");
         WsTestClient c = WsTestClient.connect(node.vertx, node.server.port(), "/ws/signals")) {
      watcher.subscribe(filter("SIGNAL", null, null));
      List<Long> published = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Event e = signal("A", i);
        await(node.runtime.router().publish(e));
        published.add(e.id());
      }
      // the hub records and fans out in one step: what a live client got is in the history
      eventually("the hub saw them", () -> watcher.events().size() == 20);
      int before = c.frames.size();
      c.send(new JsonObject().put("subscribe", filter("SIGNAL", null, null).put("history", 6)));
      JsonObject e = c.awaitFrame(before, f -> f.containsKey("error") || f.containsKey("subscribed"));
      assertThat(e.getJsonArray("details").getJsonObject(0).getString("path")).isEqualTo("subscribe.history");
      assertThat(e.getJsonArray("details").getJsonObject(0).getString("message")).contains("[0, 5]");
      c.send(new JsonObject().put("subscribe", filter("SIGNAL", null, null).put("history", 5)));
      eventually("five history frames", () -> c.events().size() == 5);
      assertThat(ids(c.events())).containsExactlyElementsOf(published.subList(15, 20));
    }
  }

  @Test
  void aTypeNotFollowedForHistoryHasNoneUntilAClientWantsIt() throws Exception {
    ApiOptions options = new ApiOptions().setInstances(1).setHistoryEvents(Set.of(EventType.SIGNAL));
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY, options, null);
         WsTestClient c = WsTestClient.connect(node.vertx, node.server.port(), "/ws/signals")) {
      // followed from the start: SIGNAL only
      assertThat(node.runtime.router().routes()).filteredOn(r -> r.subscriber().equals("api.websocket"))
          .extracting(r -> r.type()).containsOnly(EventType.SIGNAL);
      await(node.runtime.router().publish(portfolio(1_000, 100.0)));
      int before = c.frames.size();
      c.send(new JsonObject().put("subscribe", filter("PORTFOLIO_UPDATE", null, null).put("history", 10)));
      JsonObject ack = c.awaitFrame(before, f -> f.containsKey("subscribed") || f.containsKey("error"));
      assertThat(ack.getInteger("history")).isZero();
      Event live = portfolio(2_000, 101.0);
      await(node.runtime.router().publish(live));
      eventually("the live one", () -> c.events().size() == 1);
      assertThat(c.events().get(0).getLong("id")).isEqualTo(live.id());
      assertThat(c.events().get(0).containsKey("history")).isFalse();
    }
  }

  @Test
  void equityHistoryIsOneFrameWithTheCurveOfEverySource() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY, new ApiOptions().setInstances(1), null);
         WsTestClient watcher = WsTestClient.connect(node.vertx, node.server.port(), "/ws/signals")) {
      watcher.subscribe(filter("PORTFOLIO_UPDATE", null, null));
      for (int i = 0; i < 50; i++) {
        await(node.runtime.router().publish(portfolio(1_700_000_000_000L + i * 1000L, 1_000_000.0 + i)));
      }
      eventually("the hub saw them", () -> watcher.events().size() == 50);
      try (WsTestClient c = WsTestClient.connect(node.vertx, node.server.port(), "/ws/signals")) {
        c.send(new JsonObject().put("history", "equity"));
        JsonObject h = c.awaitFrame(0, f -> f.containsKey("curves") || f.containsKey("error"));
        assertThat(h.getString("history")).isEqualTo("equity");
        JsonArray curves = h.getJsonArray("curves");
        assertThat(curves).hasSize(1);
        JsonObject curve = curves.getJsonObject(0);
        assertThat(curve.getString("source")).isEqualTo("manual");
        assertThat(curve.getInteger("points")).isEqualTo(50);
        assertThat(curve.getJsonArray("time_ms").getLong(0)).isEqualTo(1_700_000_000_000L);
        assertThat(curve.getJsonArray("time_ms").getLong(49)).isEqualTo(1_700_000_049_000L);
        assertThat(curve.getJsonArray("equity").getDouble(49)).isEqualTo(1_000_049.0);

        int before = c.frames.size();
        c.send(new JsonObject().put("history", "trades"));
        JsonObject e = c.awaitFrame(before, f -> f.containsKey("error"));
        assertThat(e.getJsonArray("details").getJsonObject(0).getString("path")).isEqualTo("history");
        assertThat(c.closed).isFalse();
      }
    }
  }
}
