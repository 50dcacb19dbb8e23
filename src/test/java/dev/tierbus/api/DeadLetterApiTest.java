package dev.tierbus.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Fill;
import dev.tierbus.event.Order;
import dev.tierbus.event.Side;
import dev.tierbus.journal.DeadLetter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dead-letter endpoints: 503 without a reliable tier; list, page, replay, replay by filter, discard. */
class DeadLetterApiTest {

  static final String TOPOLOGY = "execution: {container_type: sink}\nportfolio: {container_type: sink}\n";
  static final Instant T0 = Instant.parse("2024-01-02T15:30:00Z");

  @TempDir
  Path dir;

  static DeadLetter letter(long id, String subscriber, EventType type, String symbol, Instant deadAt) {
    Event e = type == EventType.ORDER
        ? Event.of(type, "risk", symbol, Event.nanos(T0), new Order("o-" + id, Side.BUY, 10, Double.NaN, "signal"))
        : Event.of(type, "execution", symbol, Event.nanos(T0), new Fill("o-" + id, Side.BUY, 10, 101.5, 0.1));
    return new DeadLetter(id, subscriber, e, 3, "timeout after 30000 ms", T0, deadAt);
  }

  @Test
  void withoutAReliableTierEveryEndpointSays503() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY)) {
      for (HttpResponse<Buffer> r : List.of(node.get("/api/deadletters"),
          node.send(HttpMethod.POST, "/api/deadletters/1/replay", null),
          node.send(HttpMethod.POST, "/api/deadletters/replay", new JsonObject()),
          node.send(HttpMethod.DELETE, "/api/deadletters/1", null))) {
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.bodyAsJsonObject().getString("error")).contains("no reliable tier");
        assertThat(r.bodyAsJsonObject().getJsonArray("details")).isEmpty();
      }
    }
  }

  @Test
  void listFiltersAndPages() throws Exception {
    InMemoryDeadLetters dl = new InMemoryDeadLetters(d -> { });
    dl.add(letter(1, "execution", EventType.ORDER, "AAPL", T0.plusSeconds(10)));
    dl.add(letter(2, "portfolio", EventType.FILL, "AAPL", T0.plusSeconds(20)));
    dl.add(letter(3, "execution", EventType.ORDER, "MSFT", T0.plusSeconds(30)));
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY, new ApiOptions().setInstances(1), dl)) {
      JsonObject all = node.get("/api/deadletters").bodyAsJsonObject();
      assertThat(all.getLong("total")).isEqualTo(3);
      assertThat(all.getLong("next_after")).isEqualTo(-1);
      JsonObject first = all.getJsonArray("letters").getJsonObject(0);
      assertThat(first.getLong("delivery_id")).isEqualTo(1);
      assertThat(first.getString("subscriber")).isEqualTo("execution");
      assertThat(first.getInteger("attempts")).isEqualTo(3);
      assertThat(first.getString("last_error")).contains("timeout");
      assertThat(first.getString("dead_at")).isEqualTo("2024-01-02T15:30:10Z");
      JsonObject event = first.getJsonObject("event");
      assertThat(event.getString("type")).isEqualTo("ORDER");
      assertThat(event.getString("symbol")).isEqualTo("AAPL");
      assertThat(event.getJsonObject("payload").getString("order_id")).isEqualTo("o-1");
      assertThat(event.getJsonObject("payload").getValue("limit_price")).isNull();

      assertIds(node.get("/api/deadletters?subscriber=execution"), 1, 3);
      assertIds(node.get("/api/deadletters?type=fill"), 2);
      assertIds(node.get("/api/deadletters?symbol=MSFT&source=risk"), 3);
      assertIds(node.get("/api/deadletters?dead_since=2024-01-02T15:30:15Z&dead_before=2024-01-02T15:30:25Z"), 2);
      JsonObject page1 = node.get("/api/deadletters?limit=2").bodyAsJsonObject();
      assertThat(page1.getJsonArray("letters")).hasSize(2);
      assertThat(page1.getLong("next_after")).isEqualTo(2);
      assertIds(node.get("/api/deadletters?limit=2&after=2"), 3);
    }
  }

  @Test
  void badQueriesAre400NamingTheParameter() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY, new ApiOptions().setInstances(1),
        new InMemoryDeadLetters(d -> { }))) {
      assertThat(detailPath(node.get("/api/deadletters?limit=0"))).isEqualTo("limit");
      assertThat(detailPath(node.get("/api/deadletters?limit=abc"))).isEqualTo("limit");
      assertThat(detailPath(node.get("/api/deadletters?type=NOPE"))).isEqualTo("type");
      assertThat(detailPath(node.get("/api/deadletters?dead_since=yesterday"))).isEqualTo("dead_since");
      assertThat(node.send(HttpMethod.POST, "/api/deadletters/abc/replay", null).statusCode()).isEqualTo(400);
      HttpResponse<Buffer> unknownFilter = node.send(HttpMethod.POST, "/api/deadletters/replay", new JsonObject().put("colour", "red"));
      assertThat(unknownFilter.statusCode()).isEqualTo(400);
      assertThat(unknownFilter.bodyAsJsonObject().getJsonArray("details").encode()).contains("colour");
    }
  }

  @Test
  void replayDiscardAndReplayByFilter() throws Exception {
    List<DeadLetter> redelivered = new CopyOnWriteArrayList<>();
    InMemoryDeadLetters dl = new InMemoryDeadLetters(redelivered::add);
    dl.add(letter(1, "execution", EventType.ORDER, "AAPL", T0));
    dl.add(letter(2, "portfolio", EventType.FILL, "AAPL", T0));
    dl.add(letter(3, "execution", EventType.ORDER, "MSFT", T0));
    dl.add(letter(4, "execution", EventType.ORDER, "GOOG", T0));
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY, new ApiOptions().setInstances(1), dl)) {
      HttpResponse<Buffer> one = node.send(HttpMethod.POST, "/api/deadletters/2/replay", null);
      assertThat(one.statusCode()).isEqualTo(200);
      assertThat(one.bodyAsJsonObject().getBoolean("replayed")).isTrue();
      assertThat(redelivered).extracting(DeadLetter::deliveryId).containsExactly(2L);
      assertThat(node.send(HttpMethod.POST, "/api/deadletters/2/replay", null).statusCode()).isEqualTo(404);

      HttpResponse<Buffer> gone = node.send(HttpMethod.DELETE, "/api/deadletters/4", null);
      assertThat(gone.statusCode()).isEqualTo(200);
      assertThat(gone.bodyAsJsonObject().getBoolean("discarded")).isTrue();
      assertThat(dl.discarded()).extracting(DeadLetter::deliveryId).containsExactly(4L);
      assertThat(node.send(HttpMethod.DELETE, "/api/deadletters/4", null).statusCode()).isEqualTo(404);

      HttpResponse<Buffer> many = node.send(HttpMethod.POST, "/api/deadletters/replay",
          new JsonObject().put("subscriber", "execution").put("type", "ORDER"));
      assertThat(many.statusCode()).isEqualTo(200);
      assertThat(many.bodyAsJsonObject().getInteger("replayed")).isEqualTo(2);
      assertThat(redelivered).extracting(DeadLetter::deliveryId).containsExactly(2L, 1L, 3L);
      assertThat(dl.dead()).isEmpty();
      assertThat(node.get("/api/deadletters").bodyAsJsonObject().getLong("total")).isZero();
    }
  }

  private static void assertIds(HttpResponse<Buffer> r, long... ids) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    JsonArray letters = r.bodyAsJsonObject().getJsonArray("letters");
    assertThat(letters.stream().map(o -> ((JsonObject) o).getLong("delivery_id")))
        .containsExactly(java.util.Arrays.stream(ids).boxed().toArray(Long[]::new));
  }

  private static String detailPath(HttpResponse<Buffer> r) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(400);
    return r.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path");
  }
}
