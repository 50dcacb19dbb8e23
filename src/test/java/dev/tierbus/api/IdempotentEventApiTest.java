package dev.tierbus.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.Container;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/events} with an {@code id}: a POST repeated after a lost answer publishes
 * nothing more and answers as the first did; the same id with another body is 409; the window
 * and the number of ids remembered are bounded.
 */
@Timeout(120)
class IdempotentEventApiTest {

  static final String TOPOLOGY = """
      strategy: {container_type: sink, external_events: {publishes: [{events: [SIGNAL]}]}}
      other: {container_type: sink, external_events: {publishes: [{events: [SIGNAL]}]}}
      sink:
        container_type: sink
        external_events:
          subscribes: [{source: strategy, events: [SIGNAL]}, {source: other, events: [SIGNAL]}]
      """;

  @TempDir
  Path dir;

  static JsonObject signal(long id, String reason) {
    return new JsonObject().put("id", id).put("type", "SIGNAL").put("source", "strategy").put("symbol", "GOOG")
        .put("time", "2024-01-02T15:30:00Z")
        .put("payload", new JsonObject().put("direction", "LONG").put("strength", 0.5).put("reason", reason)
            .put("strategy", "strategy"));
  }

  @Test
  void aRepeatedPostAnswersAsTheFirstAndPublishesNothingMore() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY)) {
      Container sink = node.runtime.containers().get("sink");
      HttpResponse<Buffer> first = post(node, signal(42, "first"));
      assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(202);
      assertThat(first.getHeader("Idempotency-Replayed")).isNull();
      long eventId = first.bodyAsJsonObject().getLong("id");

      // the same body with its keys in another order is the same body
      Map<String, Object> reordered = new TreeMap<>(java.util.Comparator.reverseOrder());
      reordered.putAll(signal(42, "first").getMap());
      HttpResponse<Buffer> again = post(node, new JsonObject(reordered));
      assertThat(again.statusCode()).as(again.bodyAsString()).isEqualTo(202);
      assertThat(again.bodyAsJsonObject().getLong("id")).isEqualTo(eventId);
      assertThat(again.bodyAsJsonObject()).isEqualTo(first.bodyAsJsonObject());
      assertThat(again.getHeader("Idempotency-Replayed")).isEqualTo("true");

      HttpResponse<Buffer> conflict = post(node, signal(42, "something else"));
      assertThat(conflict.statusCode()).as(conflict.bodyAsString()).isEqualTo(409);
      assertThat(conflict.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path")).isEqualTo("id");

      // the key is per source: the same id from another source is another event
      HttpResponse<Buffer> otherSource = post(node, signal(42, "first").put("source", "other"));
      assertThat(otherSource.statusCode()).isEqualTo(202);
      assertThat(otherSource.bodyAsJsonObject().getLong("id")).isNotEqualTo(eventId);
      // without an id every POST is a new event
      JsonObject noId = signal(0, "no id");
      noId.remove("id");
      assertThat(post(node, noId).statusCode()).isEqualTo(202);
      assertThat(post(node, noId).statusCode()).isEqualTo(202);

      ApiTestNode.eventually("the sink got four events", () -> sink.eventsIn() == 4);
      assertThat(node.runtime.router().metrics().standard().published()).isEqualTo(4);
    }
  }

  @Test
  void concurrentRepeatsOfOneKeyPublishOnce() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY)) {
      List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        answers.add(node.client.post("/api/events").putHeader("Authorization", "Bearer " + ApiTestNode.TOKEN)
            .sendJsonObject(signal(7, "race")));
      }
      ApiTestNode.await(Future.all(answers));
      assertThat(answers).extracting(f -> f.result().statusCode()).containsOnly(202);
      assertThat(answers).extracting(f -> f.result().bodyAsJsonObject().getLong("id")).containsOnly(
          answers.get(0).result().bodyAsJsonObject().getLong("id"));
      Container sink = node.runtime.containers().get("sink");
      ApiTestNode.eventually("the sink got the event", () -> sink.eventsIn() == 1);
      Thread.sleep(200);
      assertThat(sink.eventsIn()).isEqualTo(1);
      assertThat(node.runtime.router().metrics().standard().published()).isEqualTo(1);
    }
  }

  @Test
  void anIdIsRememberedForTheWindowAndAtMostMaxKeysAtOnce() throws Exception {
    ApiOptions options = new ApiOptions().setInstances(1).setIdempotencyWindowMs(1500).setIdempotencyMaxKeys(2);
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY, options, null)) {
      long first = post(node, signal(1, "a")).bodyAsJsonObject().getLong("id");
      assertThat(post(node, signal(2, "b")).statusCode()).isEqualTo(202);
      HttpResponse<Buffer> full = post(node, signal(3, "c"));
      assertThat(full.statusCode()).as(full.bodyAsString()).isEqualTo(503);
      assertThat(Integer.parseInt(full.getHeader("Retry-After"))).isBetween(1, 2);
      assertThat(full.bodyAsJsonObject().getString("error")).contains("idempotency_max_keys");
      // a known key still answers while the table is full
      assertThat(post(node, signal(1, "a")).bodyAsJsonObject().getLong("id")).isEqualTo(first);

      Thread.sleep(1600);
      HttpResponse<Buffer> later = post(node, signal(1, "a"));
      assertThat(later.statusCode()).isEqualTo(202);
      assertThat(later.bodyAsJsonObject().getLong("id")).as("a new event once the window passed").isNotEqualTo(first);
      assertThat(post(node, signal(3, "c")).statusCode()).isEqualTo(202);
      Container sink = node.runtime.containers().get("sink");
      ApiTestNode.eventually("the sink got four events", () -> sink.eventsIn() == 4);
    }
  }

  private static HttpResponse<Buffer> post(ApiTestNode node, JsonObject body) throws Exception {
    return node.send(HttpMethod.POST, "/api/events", body);
  }
}
