package dev.tierbus.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.Container;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/events} refuses every bad field with a 400 naming its path, never a 500, and
 * publishes nothing of a refused event: text fields (control characters, unpaired surrogates,
 * lengths), the payload's meaning (prices, quantities, bar ranges), and who may publish it.
 */
@Timeout(120)
class EventInputApiTest {

  static final String TOPOLOGY = """
      feed: {container_type: sink, external_events: {publishes: [{events: [BAR, TICK, QUOTE, TRADE]}]}}
      strategy: {container_type: sink, external_events: {publishes: [{events: [SIGNAL]}]}}
      risk: {container_type: sink, external_events: {publishes: [{events: [ORDER]}]}}
      broker: {container_type: sink, external_events: {publishes: [{events: [FILL]}]}}
      sink:
        container_type: sink
        external_events:
          subscribes:
            - {source: feed, events: [BAR, TICK, QUOTE, TRADE]}
            - {source: strategy, events: [SIGNAL]}
            - {source: risk, events: [ORDER]}
            - {source: broker, events: [FILL]}
      journal: {store: memory}
      """;

  @TempDir
  static Path dir;
  static ApiTestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = ApiTestNode.start(dir, TOPOLOGY);
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  static JsonObject bar(double open, double high, double low, double close, double volume) {
    return new JsonObject().put("type", "BAR").put("source", "feed").put("symbol", "GOOG")
        .put("time", "2024-01-02T00:00:00Z").put("payload", new JsonObject().put("timeframe", "1D")
            .put("open", open).put("high", high).put("low", low).put("close", close).put("volume", volume));
  }

  static JsonObject signal() {
    return new JsonObject().put("type", "SIGNAL").put("source", "strategy").put("symbol", "GOOG")
        .put("payload", new JsonObject().put("direction", "LONG").put("strength", 0.5).put("reason", "test")
            .put("strategy", "strategy"));
  }

  static JsonObject order() {
    return new JsonObject().put("type", "ORDER").put("source", "risk").put("symbol", "GOOG")
        .put("payload", new JsonObject().put("order_id", "o-1").put("side", "BUY").put("quantity", 5)
            .putNull("limit_price").put("reason", "manual").putNull("notional").put("whole_units", false));
  }

  static JsonObject fill() {
    return new JsonObject().put("type", "FILL").put("source", "broker").put("symbol", "GOOG")
        .put("payload", new JsonObject().put("order_id", "o-1").put("side", "BUY").put("quantity", 5)
            .put("price", 101.5).put("commission", 0.1));
  }

  static JsonObject with(JsonObject event, Consumer<JsonObject> change) {
    JsonObject copy = event.copy();
    change.accept(copy);
    return copy;
  }

  static JsonObject withPayload(JsonObject event, Consumer<JsonObject> change) {
    JsonObject copy = event.copy();
    change.accept(copy.getJsonObject("payload"));
    return copy;
  }

  @Test
  void controlCharactersUnpairedSurrogatesAndLongTextAreRefusedWithTheirPath() throws Exception {
    long before = published();
    long received = sink().eventsIn();
    assertRefused(with(signal(), e -> e.put("symbol", "GO\u0000OG")), "symbol", "control character U+0000");
    assertRefused(with(signal(), e -> e.put("symbol", "GO\uD800OG")), "symbol", "unpaired UTF-16 surrogate");
    assertRefused(with(signal(), e -> e.put("symbol", "G".repeat(65))), "symbol", "at most 64");
    assertRefused(with(signal(), e -> e.put("source", "strat\u0000egy")), "source", "control character U+0000");
    assertRefused(with(signal(), e -> e.put("source", "s".repeat(129))), "source", "at most 128");
    assertRefused(with(signal(), e -> e.put("headers", new JsonObject().put("trace", "a\u0000"))), "headers.trace",
        "control character");
    assertRefused(with(signal(), e -> e.put("headers", new JsonObject().put("tr\u0001ace", "a"))), "headers",
        "control character");
    assertRefused(withPayload(signal(), p -> p.put("reason", "bad\u0000reason")), "payload.reason",
        "control character U+0000");
    assertRefused(withPayload(signal(), p -> p.put("reason", "r".repeat(1025))), "payload.reason", "at most 1024");
    assertRefused(withPayload(signal(), p -> p.put("strategy", "\uDC00")), "payload.strategy", "surrogate");
    assertRefused(withPayload(order(), p -> p.put("order_id", "o\u0000-1")), "payload.order_id", "U+0000");
    assertRefused(withPayload(order(), p -> p.put("order_id", "")), "payload.order_id", "empty");
    assertRefused(withPayload(order(), p -> p.put("order_id", "o".repeat(129))), "payload.order_id", "at most 128");
    assertRefused(withPayload(fill(), p -> p.put("order_id", "\uD83D")), "payload.order_id", "surrogate");
    assertThat(published()).isEqualTo(before);
    assertThat(sink().eventsIn()).isEqualTo(received);
  }

  @Test
  void barsQuotesTicksAndFillsMustMakeSense() throws Exception {
    long before = published();
    long received = sink().eventsIn();
    assertRefused(bar(10, 9, 8, 9.5, 100), "payload.high", "below open 10.0");
    assertRefused(bar(10, 12, 10.5, 11, 100), "payload.low", "above open 10.0");
    assertRefused(bar(10, 12, 9, 11, -1), "payload.volume", ">= 0");
    assertRefused(bar(0, 12, 9, 11, 1), "payload.open", "> 0");
    assertRefused(withPayload(bar(10, 12, 9, 11, 1), p -> p.putNull("close")), "payload.close", "was null");
    // 1e400 is a valid JSON number beyond any double
    HttpResponse<Buffer> huge = ApiTestNode.await(node.client.post("/api/events")
        .putHeader("Authorization", "Bearer " + ApiTestNode.TOKEN).putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(bar(10, 12, 9, 11, 1).encode().replace("\"high\":12.0", "\"high\":1e400"))));
    assertThat(huge.statusCode()).as(huge.bodyAsString()).isEqualTo(400);
    assertThat(paths(huge)).contains("payload.high");
    JsonObject tick = new JsonObject().put("type", "TICK").put("source", "feed").put("symbol", "GOOG")
        .put("payload", new JsonObject().put("price", -5).put("size", 1));
    assertRefused(tick, "payload.price", "> 0");
    JsonObject quote = new JsonObject().put("type", "QUOTE").put("source", "feed").put("symbol", "GOOG")
        .put("payload", new JsonObject().put("bid_price", 10.2).put("bid_size", 1).put("ask_price", 10.1)
            .put("ask_size", 1));
    assertRefused(quote, "payload.ask_price", "below bid 10.2");
    JsonObject trade = new JsonObject().put("type", "TRADE").put("source", "feed").put("symbol", "GOOG")
        .put("payload", new JsonObject().put("price", 10).put("size", -2).put("aggressor", "BUY"));
    assertRefused(trade, "payload.size", ">= 0");
    assertRefused(withPayload(fill(), p -> p.put("quantity", 0)), "payload.quantity", "> 0");
    assertRefused(withPayload(fill(), p -> p.putNull("price")), "payload.price", "finite");
    assertRefused(withPayload(order(), p -> p.put("quantity", -3)), "payload.quantity", "quantity must be > 0");
    assertRefused(withPayload(order(), p -> p.put("limit_price", 0)), "payload.limit_price", "limit_price must be");
    assertRefused(withPayload(signal(), p -> p.put("strength", 1.5)), "payload.strength", "[-1, 1]");
    assertThat(published()).isEqualTo(before);

    // one request with several problems names each of them
    HttpResponse<Buffer> many = post(with(bar(10, 9, 11, 10, -1), e -> e.put("symbol", "\u0000")));
    assertThat(many.statusCode()).isEqualTo(400);
    assertThat(paths(many)).contains("symbol");
    HttpResponse<Buffer> ranges = post(bar(10, 9, 11, 10, -1));
    assertThat(paths(ranges)).contains("payload.high", "payload.low", "payload.volume");

    // and sensible ones pass, at the bounds too
    assertThat(post(bar(10, 10, 10, 10, 0)).statusCode()).isEqualTo(202);
    assertThat(post(with(signal(), e -> e.put("symbol", "€-Aktie \uD83D\uDCC8"))).statusCode()).isEqualTo(202);
    assertThat(post(fill()).statusCode()).isEqualTo(202);
    assertThat(post(order()).statusCode()).isEqualTo(202);
    ApiTestNode.eventually("the sink got the four events", () -> sink().eventsIn() == received + 4);
  }

  @Test
  void theSourceMustBeADeployedContainerThatPublishesTheTypeOrAnApiPublisher() throws Exception {
    long before = published();
    HttpResponse<Buffer> unknown = assertRefused(with(signal(), e -> e.put("source", "nobody")), "source",
        "no container 'nobody'");
    assertThat(unknown.bodyAsString()).contains("http.api_publishers");
    assertRefused(with(signal(), e -> e.put("source", "risk")), "type", "container 'risk' does not publish SIGNAL");
    assertRefused(with(order(), e -> e.put("source", "strategy")), "type", "does not publish ORDER");
    assertThat(published()).isEqualTo(before);
    // the test node lists "manual" in http.api_publishers: it may publish anything
    assertThat(post(with(fill(), e -> e.put("source", ApiTestNode.MANUAL))).statusCode()).isEqualTo(202);
  }

  @Test
  void anIdMustBeAnInteger() throws Exception {
    assertRefused(with(signal(), e -> e.put("id", 4.5)), "id", "");
    assertRefused(with(signal(), e -> e.put("id", "abc")), "id", "");
    assertRefused(with(signal(), e -> e.put("id", new java.math.BigInteger("123456789012345678901234567890"))), "id",
        "");
  }

  private static Container sink() {
    return node.runtime.containers().get("sink");
  }

  private static long published() {
    var m = node.runtime.router().metrics();
    return m.fast().published() + m.standard().published() + m.reliable().published();
  }

  static HttpResponse<Buffer> post(JsonObject event) throws Exception {
    return node.send(HttpMethod.POST, "/api/events", event);
  }

  private static HttpResponse<Buffer> assertRefused(JsonObject event, String path, String message) throws Exception {
    HttpResponse<Buffer> r = post(event);
    assertThat(r.statusCode()).as(event.encode() + " -> " + r.bodyAsString()).isEqualTo(400);
    JsonObject body = r.bodyAsJsonObject();
    assertThat(body.getString("error")).isNotBlank();
    JsonObject detail = body.getJsonArray("details").stream().map(o -> (JsonObject) o)
        .filter(d -> path.equals(d.getString("path"))).findFirst().orElse(null);
    assertThat(detail).as("a detail at " + path + " in " + r.bodyAsString()).isNotNull();
    assertThat(detail.getString("message")).contains(message);
    return r;
  }

  static List<String> paths(HttpResponse<Buffer> r) {
    JsonArray details = r.bodyAsJsonObject().getJsonArray("details");
    return details.stream().map(o -> ((JsonObject) o).getString("path")).toList();
  }
}
