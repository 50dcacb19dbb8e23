package dev.tierbus.api;

import static dev.tierbus.api.ApiTestNode.eventually;
import static dev.tierbus.api.ApiTopologies.healthChecks;
import static dev.tierbus.api.ApiTopologies.ticker;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routes, metrics, health, Prometheus, the OpenAPI document, the dashboard's files and unknown paths. */
class NodeApiTest extends ApiNodeFixture {

  static final String TOPOLOGY = ticker("feed", "AAPL", "MSFT") + """
      sink:
        container_type: sink
        external_events:
          subscribes:
            - {source: feed, events: [SIGNAL], filters: {symbols: [AAPL]}}
      """ + healthChecks("max_queue_depth: 1000, max_error_rate_pct: 5.0, max_latency_ms: 100");

  NodeApiTest() {
    super(TOPOLOGY);
  }

  @Test
  void routesListPublishersAndSubscribersPerTypeAndTier() throws Exception {
    JsonObject body = node.get("/api/routes").bodyAsJsonObject();
    JsonArray routes = body.getJsonArray("routes");
    JsonObject signal = routes.stream().map(o -> (JsonObject) o)
        .filter(r -> r.getString("type").equals("SIGNAL") && r.getString("publisher").equals("feed")).findFirst().orElseThrow();
    assertThat(signal.getString("tier")).isEqualTo("standard");
    // the sink, and the WebSocket hub, which follows SIGNAL from the start for its history
    JsonArray subscribers = signal.getJsonArray("subscribers");
    assertThat(subscribers.stream().map(o -> ((JsonObject) o).getString("subscriber")))
        .containsExactlyInAnyOrder("sink", "api.websocket");
    JsonObject sub = subscribers.stream().map(o -> (JsonObject) o)
        .filter(o -> o.getString("subscriber").equals("sink")).findFirst().orElseThrow();
    assertThat(sub.getJsonObject("filters").getJsonArray("symbols")).containsExactly("AAPL");
    // one row per (type, publisher, subscription): the sink's one, the others the hub's
    List<String> rowSubscribers = routes.stream().flatMap(r -> ((JsonObject) r).getJsonArray("subscribers").stream())
        .map(o -> ((JsonObject) o).getString("subscriber")).toList();
    assertThat(body.getInteger("rows")).isEqualTo(rowSubscribers.size());
    assertThat(rowSubscribers.stream().filter(name -> !name.equals("api.websocket"))).containsExactly("sink");
  }

  @Test
  void metricsGivePerTierCountersLatencyRatesAndPerContainerEvents() throws Exception {
    eventually("the sink got events", () -> node.runtime.containers().get("sink").eventsIn() >= 20);
    JsonObject[] m = new JsonObject[1];
    eventually("a rate over an interval", () -> {
      try {
        m[0] = node.get("/api/metrics").bodyAsJsonObject();
        return m[0].getJsonObject("tiers").getJsonObject("standard").getJsonObject("events_per_sec").getDouble("published") > 0;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    JsonObject standard = m[0].getJsonObject("tiers").getJsonObject("standard");
    assertThat(standard.getLong("published")).isPositive();
    assertThat(standard.getLong("delivered")).isPositive();
    assertThat(standard.getLong("rejected")).isZero();
    assertThat(standard.containsKey("queue_depth")).isTrue();
    assertThat(standard.getJsonObject("latency").getLong("count")).isPositive();
    assertThat(standard.getJsonObject("latency").fieldNames()).contains("p50_us", "p95_us", "p99_us", "p999_us");
    assertThat(standard.getDouble("error_rate_pct")).isZero();
    assertThat(m[0].getJsonObject("tiers").fieldNames()).containsExactlyInAnyOrder("fast", "standard", "reliable");
    JsonObject sink = m[0].getJsonArray("containers").stream().map(o -> (JsonObject) o)
        .filter(c -> c.getString("id").equals("sink")).findFirst().orElseThrow();
    assertThat(sink.getLong("events_in")).isPositive();
    JsonObject feed = m[0].getJsonArray("containers").stream().map(o -> (JsonObject) o)
        .filter(c -> c.getString("id").equals("feed")).findFirst().orElseThrow();
    assertThat(feed.getLong("events_out")).isPositive();
    assertThat(m[0].getInteger("interval_ms")).isEqualTo(200);
  }

  @Test
  void prometheusExposesTierAndContainerAndVertxFigures() throws Exception {
    eventually("the sink got events", () -> node.runtime.containers().get("sink").eventsIn() > 0);
    HttpResponse<Buffer> r = node.get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.getHeader("content-type")).startsWith("text/plain");
    String text = r.bodyAsString();
    assertThat(text).contains("tierbus_tier_published_total{tier=\"standard\"}",
        "tierbus_tier_queue_depth{tier=\"fast\"}",
        "tierbus_tier_latency_seconds{quantile=\"0.99\",tier=\"standard\"}",
        "tierbus_container_events_in{container=\"sink\",type=\"sink\"}",
        "tierbus_websocket_clients");
    double published = Double.parseDouble(text.lines()
        .filter(l -> l.startsWith("tierbus_tier_published_total{tier=\"standard\"}")).findFirst().orElseThrow()
        .split(" ")[1]);
    assertThat(published).isPositive();
  }

  @Test
  void healthIsUpWithItsChecks() throws Exception {
    HttpResponse<Buffer> r = node.get("/health");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject h = r.bodyAsJsonObject();
    assertThat(h.getString("status")).isEqualTo("UP");
    assertThat(h.getJsonArray("checks").stream().map(o -> ((JsonObject) o).getString("name")))
        .contains("journal", "containers", "router.queues", "router.error_rate", "router.latency");
    JsonObject journal = h.getJsonArray("checks").stream().map(o -> (JsonObject) o)
        .filter(c -> c.getString("name").equals("journal")).findFirst().orElseThrow();
    assertThat(journal.getString("status")).isEqualTo("WARN");
    assertThat(journal.getString("message")).contains("no reliable tier");
    assertThat(node.get("/health/live").bodyAsJsonObject().getBoolean("live")).isTrue();
  }

  @Test
  void theOpenApiDocumentAndTheDashboardAreServed() throws Exception {
    HttpResponse<Buffer> doc = node.get("/api/openapi.yaml");
    assertThat(doc.statusCode()).isEqualTo(200);
    assertThat(doc.bodyAsString()).contains("openapi: 3.1.0", "operationId: deployContainer", "/api/deadletters/{id}/replay");
    HttpResponse<Buffer> index = node.get("/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.bodyAsString()).contains("tierbus");
    HttpResponse<Buffer> chart = node.get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js");
    assertThat(chart.statusCode()).isEqualTo(200);
    assertThat(chart.bodyAsString()).contains("uPlot");
  }

  @Test
  void unknownPathsAndMethodsGetJsonErrors() throws Exception {
    HttpResponse<Buffer> r = node.get("/api/nothing-here");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.bodyAsJsonObject().getString("error")).contains("/api/nothing-here");
    HttpResponse<Buffer> m = node.send(HttpMethod.PATCH, "/api/topology", new JsonObject());
    assertThat(m.statusCode()).isIn(404, 405);
    assertThat(m.bodyAsJsonObject().getString("error")).isNotBlank();
  }
}
