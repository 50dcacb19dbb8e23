package dev.tierbus.api;

import static dev.tierbus.api.ApiTopologies.healthChecks;
import static dev.tierbus.api.ApiTopologies.subscriber;
import static dev.tierbus.api.ApiTopologies.ticker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.journal.JournalStatus;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /health turns 503 naming the failing check: handler error rate over the threshold, an unreachable journal. */
class HealthApiTest {

  @TempDir
  Path dir;

  @Test
  void failingHandlersMakeTheNodeUnready() throws Exception {
    String yaml = ticker("feed", "AAPL") + subscriber("bad", "throwing", "feed", "SIGNAL")
        + healthChecks("max_error_rate_pct: 5.0");
    try (ApiTestNode node = ApiTestNode.start(dir, yaml)) {
      JsonObject body = node.awaitHealth(503);
      assertThat(body.getString("status")).isEqualTo("DOWN");
      assertThat(body.getJsonArray("failing")).containsExactly("router.error_rate");
      assertThat(body.getBoolean("live")).isTrue();
      assertThat(body.getJsonObject("thresholds").getDouble("max_error_rate_pct")).isEqualTo(5.0);
      assertThat(node.get("/health/live").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theJournalCheckFollowsTheReliableTiersStatus() throws Exception {
    AtomicReference<JournalStatus> status = new AtomicReference<>(
        new JournalStatus(true, "postgresql://127.0.0.1:5432/test", null, 3, 1));
    try (ApiTestNode node = ApiTestNode.startWithJournal(dir, "sink: {container_type: sink}\n",
        () -> Optional.of(status.get()))) {
      var up = node.get("/health");
      assertThat(up.statusCode()).isEqualTo(200);
      JsonObject journal = check(up.bodyAsJsonObject(), "journal");
      assertThat(journal.getString("status")).isEqualTo("UP");
      assertThat(journal.getJsonObject("data").getLong("pending")).isEqualTo(3);

      status.set(new JournalStatus(false, "postgresql://127.0.0.1:5432/test", "connection refused", 3, 1));
      var down = node.get("/health");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.bodyAsJsonObject().getJsonArray("failing")).containsExactly("journal");
      assertThat(check(down.bodyAsJsonObject(), "journal").getString("message")).contains("connection refused");
    }
  }

  private static JsonObject check(JsonObject health, String name) {
    return health.getJsonArray("checks").stream().map(o -> (JsonObject) o)
        .filter(c -> c.getString("name").equals(name)).findFirst().orElseThrow();
  }
}
