package dev.tierbus.api;

import static dev.tierbus.api.ApiTopologies.publisher;
import static dev.tierbus.api.ApiTopologies.subscriber;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.Container;
import dev.tierbus.journal.JournalOptions;
import dev.tierbus.journal.JournalTestSupport;
import dev.tierbus.journal.ReliableTier;
import dev.tierbus.journal.TcpProxy;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API while the reliable tier's journal (the real PostgreSQL, behind a proxy the test cuts)
 * is down: a reliable-tier POST is 503 with Retry-After and publishes nothing, the metrics count
 * the refusals apart and as errors, health says so, and the client's id is still free for the
 * POST repeated once the journal is back.
 */
@Timeout(120)
class JournalOutageApiTest {

  @TempDir
  Path dir;

  private final String schema = "t_outage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

  static JsonObject order(long id) {
    return new JsonObject().put("id", id).put("type", "ORDER").put("source", "risk").put("symbol", "GOOG")
        .put("payload", new JsonObject().put("order_id", "o-" + id).put("side", "BUY").put("quantity", 5)
            .putNull("limit_price").put("reason", "manual").putNull("notional").put("whole_units", false));
  }

  @Test
  void whileTheJournalIsDownPublishesAre503AndCountedAsRefusedAndTheIdStaysFree() throws Exception {
    Vertx proxyVertx = Vertx.vertx();
    TcpProxy proxy = new TcpProxy(proxyVertx, JournalTestSupport.HOST, JournalTestSupport.PORT);
    try {
      int port = JournalTestSupport.await(proxy.listen());
      String yaml = publisher("risk", "ORDER") + subscriber("broker", "sink", "risk", "ORDER") + """
          event_router:
            global_settings:
              health_checks: {check_interval_ms: 200, alert_thresholds: {max_error_rate_pct: 5.0}}
          """ + "journal: {host: 127.0.0.1, port: " + port + ", database: test, user: postgres, schema: " + schema
          + ", node_id: " + schema + ", reconnect_interval_ms: 1500}\n";
      try (ApiTestNode node = ApiTestNode.start(dir, yaml)) {
        try {
          ReliableTier tier = JournalTestSupport.requireReachable(node.runtime.reliableTier().orElseThrow());
          Container broker = node.runtime.containers().get("broker");
          HttpResponse<Buffer> ok = post(node, order(1));
          assertThat(ok.statusCode()).as(ok.bodyAsString()).isEqualTo(202);
          ApiTestNode.eventually("the broker got the first order", () -> broker.eventsIn() == 1);

          JournalTestSupport.await(proxy.cut());
          // the tier learns of the cut on its next use of the journal: publish until it refuses
          HttpResponse<Buffer>[] refused = new HttpResponse[1];
          ApiTestNode.eventually("a publish is refused", () -> {
            try {
              refused[0] = post(node, order(2));
              return refused[0].statusCode() == 503;
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
          assertThat(refused[0].getHeader("Retry-After")).as("1500 ms rounded up").isEqualTo("2");
          assertThat(refused[0].bodyAsJsonObject().getString("error")).contains("journal", "nothing was published");
          ApiAssertions.assertJsonErrorWithoutClassNames(503, refused[0].getHeader("content-type"), refused[0].body());
          for (int i = 0; i < 5; i++) {
            HttpResponse<Buffer> r = post(node, order(100 + i));
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.getHeader("Retry-After")).isEqualTo("2");
          }
          HttpResponse<Buffer> letters = node.get("/api/deadletters");
          assertThat(letters.statusCode()).as(letters.bodyAsString()).isEqualTo(503);
          assertThat(letters.getHeader("Retry-After")).isEqualTo("2");

          // the figures tell the outage: refusals apart from accepted publishes, and as errors
          assertThat(tier.metrics().published()).isEqualTo(1);
          assertThat(tier.metrics().refused()).isGreaterThanOrEqualTo(6);
          JsonObject[] reliable = new JsonObject[1];
          ApiTestNode.eventually("an interval of the outage alone: refusals, nothing accepted", () -> {
            try {
              post(node, order(200));
              reliable[0] = node.get("/api/metrics").bodyAsJsonObject().getJsonObject("tiers").getJsonObject("reliable");
              JsonObject perSec = reliable[0].getJsonObject("events_per_sec");
              return perSec.getDouble("refused") > 0 && perSec.getDouble("published") == 0;
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
          assertThat(reliable[0].getLong("refused")).isGreaterThanOrEqualTo(6);
          assertThat(reliable[0].getLong("published")).isEqualTo(1);
          assertThat(reliable[0].getDouble("error_rate_pct")).isEqualTo(100.0);
          HttpResponse<Buffer> health = node.get("/health");
          assertThat(health.statusCode()).isEqualTo(503);
          assertThat(health.bodyAsJsonObject().getJsonArray("failing")).contains("journal", "router.error_rate");
          String prometheus = node.get("/metrics").bodyAsString();
          assertThat(prometheus).containsPattern("tierbus_tier_refused_total\\{tier=\"reliable\"} [1-9]");
          assertThat(broker.eventsIn()).isEqualTo(1);

          // the journal comes back: the refused POST, repeated with its id, is published now, once
          JournalTestSupport.await(proxy.listen());
          JournalTestSupport.eventually(java.time.Duration.ofSeconds(30), () -> tier.status().reachable(),
              "the journal is reachable again");
          HttpResponse<Buffer> retried = post(node, order(2));
          assertThat(retried.statusCode()).as(retried.bodyAsString()).isEqualTo(202);
          assertThat(retried.getHeader("Idempotency-Replayed")).isNull();
          HttpResponse<Buffer> repeated = post(node, order(2));
          assertThat(repeated.statusCode()).isEqualTo(202);
          assertThat(repeated.getHeader("Idempotency-Replayed")).isEqualTo("true");
          assertThat(repeated.bodyAsJsonObject().getLong("id")).isEqualTo(retried.bodyAsJsonObject().getLong("id"));
          ApiTestNode.eventually("the broker got the second order", () -> broker.eventsIn() == 2);
          ApiTestNode.eventually("every delivery confirmed", () -> tier.status().pending() == 0);
          assertThat(broker.eventsIn()).isEqualTo(2);
        } finally {
          JournalTestSupport.dropSchema(JournalTestSupport.sql(node.vertx), new JournalOptions().setSchema(schema));
        }
      }
    } finally {
      JournalTestSupport.await(proxyVertx.close());
    }
  }

  private static HttpResponse<Buffer> post(ApiTestNode node, JsonObject event) throws Exception {
    return node.send(HttpMethod.POST, "/api/events", event);
  }
}
