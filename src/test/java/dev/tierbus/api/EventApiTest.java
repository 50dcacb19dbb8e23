package dev.tierbus.api;

import static dev.tierbus.api.ApiTopologies.publisher;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.Container;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** POST /api/events: a valid event reaches its subscribers; each kind of bad input is a 400 naming the field. */
class EventApiTest extends ApiNodeFixture {

  static final String TOPOLOGY = publisher("strategy", "SIGNAL", "ORDER") + """
      sink:
        container_type: sink
        external_events:
          subscribes: [{source: strategy, events: [SIGNAL], filters: {symbols: [GOOG]}}]
      """;

  EventApiTest() {
    super(TOPOLOGY);
  }

  static JsonObject signal(String symbol) {
    return new JsonObject().put("type", "SIGNAL").put("source", "strategy").put("symbol", symbol)
        .put("time", "2024-01-02T15:30:00Z")
        .put("payload", new JsonObject().put("direction", "LONG").put("strength", 0.7).put("reason", "test")
            .put("strategy", "strategy"));
  }

  @Test
  void aValidEventIsRoutedToItsSubscribers() throws Exception {
    Container sink = node.runtime.containers().get("sink");
    HttpResponse<Buffer> r = node.send(HttpMethod.POST, "/api/events", signal("GOOG"));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(202);
    assertThat(r.bodyAsJsonObject().getString("tier")).isEqualTo("standard");
    assertThat(r.bodyAsJsonObject().getValue("id")).isInstanceOf(Long.class);
    ApiTestNode.eventually("the sink received it", () -> sink.eventsIn() == 1);
    assertThat(node.send(HttpMethod.POST, "/api/events", signal("AAPL")).statusCode()).isEqualTo(202);
    assertThat(node.runtime.router().metrics().standard().published()).isEqualTo(2);
    assertThat(sink.eventsIn()).isEqualTo(1);
  }

  @Test
  void aReliableTierEventIsRefusedWith503WhileNoReliableTierIsInstalled() throws Exception {
    JsonObject order = new JsonObject().put("type", "ORDER").put("source", "strategy").put("symbol", "GOOG")
        .put("payload", new JsonObject().put("order_id", "o1").put("side", "BUY").put("quantity", 5)
            .putNull("limit_price").put("reason", "manual").putNull("notional").put("whole_units", false));
    HttpResponse<Buffer> r = node.send(HttpMethod.POST, "/api/events", order);
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.bodyAsJsonObject().getString("error")).contains("reliable", "not installed");
  }

  @Test
  void eachKindOfBadEventIsA400NamingTheField() throws Exception {
    assertBad(new JsonObject().put("source", "strategy"), "type");
    assertBad(signal("GOOG").put("type", "NOPE"), "type");
    assertBad(signal("GOOG").put("colour", "red"), "colour");
    assertBad(signal("GOOG").put("time", "yesterday"), "time");
    assertBad(signal("GOOG").put("symbol", 42), "symbol");
    assertBad(signal("GOOG").put("headers", new JsonObject().put("k", 1)), "headers.k");
    assertBad(signal("GOOG").remove("payload") == null ? null : withoutPayload(), "payload");
    assertBad(withPayload(p -> p.put("direction", "UP")), "payload.direction");
    assertBad(withPayload(p -> p.put("strength", "strong")), "payload.strength");
    assertBad(withPayload(p -> p.remove("strength")), "payload.strength");
    assertBad(withPayload(p -> p.put("extra", 1)), "payload.extra");
    assertBad(withPayload(p -> p.put("strength", 2.0)), "payload.strength");
    HttpResponse<Buffer> many = node.send(HttpMethod.POST, "/api/events", new JsonObject()
        .put("type", "SIGNAL").put("source", "strategy").put("payload", new JsonObject().put("direction", "UP")
            .put("strength", "x")));
    assertThat(many.statusCode()).isEqualTo(400);
    assertThat(paths(many)).contains("payload.direction", "payload.strength");
    HttpResponse<Buffer> array = node.await(node.client.post("/api/events")
        .putHeader("Authorization", "Bearer " + ApiTestNode.TOKEN).sendJson(new JsonArray().add(1)));
    assertThat(array.statusCode()).isEqualTo(400);
    assertThat(node.runtime.router().metrics().standard().published()).isZero();
  }

  private JsonObject withoutPayload() {
    JsonObject s = signal("GOOG");
    s.remove("payload");
    return s;
  }

  private static JsonObject withPayload(java.util.function.Consumer<JsonObject> change) {
    JsonObject s = signal("GOOG");
    change.accept(s.getJsonObject("payload"));
    return s;
  }

  private void assertBad(JsonObject body, String path) throws Exception {
    HttpResponse<Buffer> r = node.send(HttpMethod.POST, "/api/events", body);
    assertThat(r.statusCode()).as(body.encode() + " -> " + r.bodyAsString()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("error")).isNotBlank();
    assertThat(paths(r)).as(r.bodyAsString()).contains(path);
  }

  private static List<String> paths(HttpResponse<Buffer> r) {
    return r.bodyAsJsonObject().getJsonArray("details").stream().map(o -> ((JsonObject) o).getString("path")).toList();
  }
}
