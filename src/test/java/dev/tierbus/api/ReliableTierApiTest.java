package dev.tierbus.api;

import static dev.tierbus.api.ApiTopologies.publisher;
import static dev.tierbus.api.ApiTopologies.subscriber;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.Container;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Order;
import dev.tierbus.event.Side;
import dev.tierbus.journal.JournalTestSupport;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API on a node whose reliable tier journals in the real PostgreSQL: dead letters listed,
 * replayed and discarded through HTTP, the journal in the health checks, and a hot swap of a
 * reliable-tier subscriber under load that loses nothing.
 */
@Timeout(120)
class ReliableTierApiTest {

  @TempDir
  Path dir;

  private final String schema = "t_api_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

  private String journal() {
    return "journal: {host: 127.0.0.1, port: 5432, database: test, user: postgres, schema: " + schema
        + ", node_id: " + schema + ", reconnect_interval_ms: 100}\n"
        + "event_router:\n  tiers:\n    reliable:\n      guarantees: {retry_attempts: 2}\n"
        + "      optimizations: {retry: {base_delay_ms: 10, max_delay_ms: 50}}\n";
  }

  private static Event order(int i) {
    return Event.of(EventType.ORDER, "risk", i % 2 == 0 ? "AAPL" : "MSFT", i,
        new Order("o-" + i, Side.BUY, 1, Double.NaN, "api test"));
  }

  private void dropSchema(ApiTestNode node) {
    JournalTestSupport.dropSchema(JournalTestSupport.sql(node.vertx), new dev.tierbus.journal.JournalOptions()
        .setSchema(schema));
  }

  @Test
  void deadLettersOfTheRealTierAreListedReplayedAndDiscardedOverHttp() throws Exception {
    String yaml = publisher("risk", "ORDER") + subscriber("broker", "throwing", "risk", "ORDER") + journal();
    try (ApiTestNode node = ApiTestNode.start(dir, yaml)) {
      try {
        JournalTestSupport.requireReachable(node.runtime.reliableTier().orElseThrow());
        HttpResponse<Buffer> health = node.get("/health");
        assertThat(health.statusCode()).as(health.bodyAsString()).isEqualTo(200);
        assertThat(health.bodyAsString()).contains("journal");
        for (int i = 0; i < 3; i++) {
          ApiTestNode.await(node.runtime.router().publish(order(i)));
        }
        ApiTestNode.eventually("three dead letters listed",
            () -> total(node) == 3);
        HttpResponse<Buffer> list = node.get("/api/deadletters?symbol=AAPL");
        assertThat(list.statusCode()).as(list.bodyAsString()).isEqualTo(200);
        JsonArray letters = list.bodyAsJsonObject().getJsonArray("letters");
        assertThat(letters).hasSize(2);
        JsonObject first = letters.getJsonObject(0);
        assertThat(first.getString("subscriber")).isEqualTo("broker");
        assertThat(first.getInteger("attempts")).isEqualTo(2);
        assertThat(first.toString()).contains("this handler always fails");
        long firstId = first.getLong("delivery_id");
        long secondId = letters.getJsonObject(1).getLong("delivery_id");

        // the broker is fixed (redeployed as a sink that accepts everything), then the letter replayed
        HttpResponse<Buffer> swap = node.send(HttpMethod.PUT, "/api/containers/broker", new JsonObject()
            .put("container_type", "sink").put("external_events", new JsonObject().put("subscribes",
                new JsonArray().add(new JsonObject().put("source", "risk").put("events", new JsonArray().add("ORDER"))))));
        assertThat(swap.statusCode()).as(swap.bodyAsString()).isEqualTo(200);
        Container broker = node.runtime.containers().get("broker");
        HttpResponse<Buffer> replay = node.send(HttpMethod.POST, "/api/deadletters/" + firstId + "/replay", null);
        assertThat(replay.statusCode()).as(replay.bodyAsString()).isEqualTo(200);
        ApiTestNode.eventually("the replayed letter is delivered", () -> broker.eventsIn() == 1);
        assertThat(node.send(HttpMethod.POST, "/api/deadletters/" + firstId + "/replay", null).statusCode())
            .isEqualTo(404);

        HttpResponse<Buffer> discard = node.send(HttpMethod.DELETE, "/api/deadletters/" + secondId, null);
        assertThat(discard.statusCode()).as(discard.bodyAsString()).isEqualTo(200);
        assertThat(total(node)).isEqualTo(1);
        HttpResponse<Buffer> rest = node.send(HttpMethod.POST, "/api/deadletters/replay",
            new JsonObject().put("subscriber", "broker"));
        assertThat(rest.statusCode()).as(rest.bodyAsString()).isEqualTo(200);
        assertThat(rest.bodyAsJsonObject().getInteger("replayed")).isEqualTo(1);
        ApiTestNode.eventually("the last letter is delivered", () -> broker.eventsIn() == 2);
        assertThat(total(node)).isZero();
      } finally {
        dropSchema(node);
      }
    }
  }

  private static long total(ApiTestNode node) {
    try {
      return node.get("/api/deadletters").bodyAsJsonObject().getLong("total");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aHotSwapOfAReliableSubscriberUnderLoadLosesNothing() throws Exception {
    String yaml = publisher("risk", "ORDER") + subscriber("broker", "slow_sink", "risk", "ORDER") + journal();
    try (ApiTestNode node = ApiTestNode.start(dir, yaml)) {
      try {
        JournalTestSupport.requireReachable(node.runtime.reliableTier().orElseThrow());
        Container old = node.runtime.containers().get("broker");
        int n = 400;
        List<Future<Void>> acknowledged = new ArrayList<>();
        Thread publisher = new Thread(() -> {
          for (int i = 0; i < n; i++) {
            acknowledged.add(node.runtime.router().publish(order(i)));
            try {
              Thread.sleep(1);
            } catch (InterruptedException e) {
              return;
            }
          }
        });
        publisher.start();
        ApiTestNode.eventually("the old broker is busy", () -> old.eventsIn() > 50);
        HttpResponse<Buffer> swap = node.send(HttpMethod.PUT, "/api/containers/broker", new JsonObject()
            .put("container_type", "slow_sink").put("external_events", new JsonObject().put("subscribes",
                new JsonArray().add(new JsonObject().put("source", "risk").put("events", new JsonArray().add("ORDER"))))));
        assertThat(swap.statusCode()).as(swap.bodyAsString()).isEqualTo(200);
        publisher.join();
        ApiTestNode.await(Future.all(new ArrayList<>(acknowledged)));
        Container fresh = node.runtime.containers().get("broker");
        assertThat(fresh).isNotSameAs(old);
        ApiTestNode.eventually("every order reaches the old or the new broker, once",
            () -> old.eventsIn() + fresh.eventsIn() == n);
        assertThat(fresh.eventsIn()).isPositive();
        assertThat(node.runtime.reliableTier().orElseThrow().status().deadLetters()).isZero();
        // nothing is left to deliver, so nothing more can arrive: no order was handled twice
        ApiTestNode.eventually("every delivery confirmed",
            () -> node.runtime.reliableTier().orElseThrow().status().pending() == 0);
        assertThat(old.eventsIn() + fresh.eventsIn()).isEqualTo(n);
      } finally {
        dropSchema(node);
      }
    }
  }
}
