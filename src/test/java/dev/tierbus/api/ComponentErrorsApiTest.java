package dev.tierbus.api;

import static dev.tierbus.api.ApiTopologies.healthChecks;
import static dev.tierbus.api.ApiTopologies.subscriber;
import static dev.tierbus.api.ApiTopologies.ticker;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
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
    String yaml = ticker("feed", "AAPL") + subscriber("broken", "failing_component", "feed", "SIGNAL")
        + subscriber("fine", "sink", "feed", "SIGNAL") + healthChecks("max_error_rate_pct: 5.0");
    try (ApiTestNode node = ApiTestNode.start(dir, yaml)) {
      JsonObject health = node.awaitHealth(503);
      assertThat(health.getJsonArray("failing")).containsExactly("containers.errors");
      JsonObject check = health.getJsonArray("checks").stream().map(o -> (JsonObject) o)
          .filter(c -> c.getString("name").equals("containers.errors")).findFirst().orElseThrow();
      assertThat(check.getString("status")).isEqualTo("DOWN");
      assertThat(check.getString("message")).contains("broken: ").contains("component errors on").doesNotContain("fine");
      assertThat(check.getJsonObject("data").getJsonObject("broken").getLong("errors")).isPositive();
      // the router's handlers did not fail: the container caught its component's exception
      JsonObject routerErrors = health.getJsonArray("checks").stream().map(o -> (JsonObject) o)
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
      node.awaitHealth(200);
      assertThat(node.get("/metrics").bodyAsString()).doesNotContain("container=\"broken\"");
    }
  }
}
