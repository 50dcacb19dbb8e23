package dev.tierbus.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A container whose component fails on its events keeps running, but {@code /health} turns
 * DOWN naming it ({@code containers.errors}), and its errors are in the metrics and Prometheus.
 */
@Timeout(120)
class ComponentErrorsApiTest {

  @TempDir
  Path dir;

  @Test
  void aContainerWhoseComponentsFailMakesTheNodeUnreadyByName() throws Exception {
    String yaml = """
        feed:
          container_type: ticker
          symbols: [AAPL]
          interval_ms: 10
          external_events:
            publishes: [{events: [SIGNAL]}]
        broken:
          container_type: failing_component
          external_events:
            subscribes: [{source: feed, events: [SIGNAL]}]
        fine:
          container_type: sink
          external_events:
            subscribes: [{source: feed, events: [SIGNAL]}]
        event_router:
          global_settings:
            health_checks:
              check_interval_ms: 200
              alert_thresholds: {max_error_rate_pct: 5.0}
        """;
    try (ApiTestNode node = ApiTestNode.start(dir, yaml)) {
      JsonObject[] health = new JsonObject[1];
      ApiTestNode.eventually("/health says 503", () -> {
        try {
          HttpResponse<Buffer> r = node.get("/health");
          health[0] = r.bodyAsJsonObject();
          return r.statusCode() == 503;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      assertThat(health[0].getJsonArray("failing")).containsExactly("containers.errors");
      JsonObject check = health[0].getJsonArray("checks").stream().map(o -> (JsonObject) o)
          .filter(c -> c.getString("name").equals("containers.errors")).findFirst().orElseThrow();
      assertThat(check.getString("status")).isEqualTo("DOWN");
      assertThat(check.getString("message")).contains("broken: ").contains("component errors on").doesNotContain("fine");
      assertThat(check.getJsonObject("data").getJsonObject("broken").getLong("errors")).isPositive();
      // the router's handlers did not fail: the container caught its component's exception
      JsonObject routerErrors = health[0].getJsonArray("checks").stream().map(o -> (JsonObject) o)
          .filter(c -> c.getString("name").equals("router.error_rate")).findFirst().orElseThrow();
      assertThat(routerErrors.getString("status")).isEqualTo("UP");

      JsonObject broken = node.get("/api/metrics").bodyAsJsonObject().getJsonArray("containers").stream()
          .map(o -> (JsonObject) o).filter(c -> c.getString("id").equals("broken")).findFirst().orElseThrow();
      assertThat(broken.getLong("component_errors")).isPositive();
      assertThat(broken.getString("state")).isEqualTo("RUNNING");
      String prometheus = node.get("/metrics").bodyAsString();
      assertThat(prometheus).containsPattern(
          "tierbus_container_component_errors_total\\{container=\"broken\",type=\"failing_component\"} [1-9]");
      assertThat(prometheus).contains("tierbus_container_component_errors_total{container=\"fine\",type=\"sink\"} 0.0");

      // once the broken container is gone, the check is UP again
      assertThat(node.send(io.vertx.core.http.HttpMethod.DELETE, "/api/containers/broken", null).statusCode())
          .isEqualTo(200);
      ApiTestNode.eventually("/health is 200 again", () -> {
        try {
          return node.get("/health").statusCode() == 200;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      assertThat(node.get("/metrics").bodyAsString()).doesNotContain("container=\"broken\"");
    }
  }
}
