package dev.tierbus.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.ContainerState;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

/** A misspelled key of a posted or put container entry is a 400 naming its path and the meant key; nothing changes. */
class MisspelledKeyApiTest extends ApiNodeFixture {

  MisspelledKeyApiTest() {
    super(ContainerApiTest.TOPOLOGY);
  }

  private static JsonObject ticker(String id) {
    return new JsonObject().put("container_type", "ticker").put("container_id", id)
        .put("symbols", new JsonArray().add("AAPL"));
  }

  private static JsonObject onlyDetail(HttpResponse<Buffer> r) {
    JsonArray details = r.bodyAsJsonObject().getJsonArray("details");
    assertThat(details).as(r.bodyAsString()).hasSize(1);
    return details.getJsonObject(0);
  }

  @Test
  void postWithAMisspelledParameterIs400WithItsPath() throws Exception {
    HttpResponse<Buffer> r = node.send(HttpMethod.POST, "/api/containers", ticker("t2").put("intervall_ms", 50));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(onlyDetail(r)).isEqualTo(new JsonObject().put("path", "intervall_ms")
        .put("message", "unknown parameter of ticker, did you mean interval_ms?"));
    assertThat(node.runtime.containers()).doesNotContainKey("t2");
  }

  @Test
  void postWithAMisspelledStructuralKeyIs400WithItsPath() throws Exception {
    HttpResponse<Buffer> r = node.send(HttpMethod.POST, "/api/containers", ticker("t3")
        .put("external_event", new JsonObject().put("publishes", new JsonArray())));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(onlyDetail(r)).isEqualTo(new JsonObject().put("path", "external_event")
        .put("message", "unknown parameter of ticker, did you mean external_events?"));
  }

  @Test
  void putWithAMisspelledParameterIs400AndTheOldContainerRuns() throws Exception {
    HttpResponse<Buffer> r = node.send(HttpMethod.PUT, "/api/containers/feed", ticker("feed")
        .put("params", new JsonObject().put("equty", true)));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(onlyDetail(r)).isEqualTo(new JsonObject().put("path", "params.equty")
        .put("message", "unknown parameter of ticker, did you mean equity?"));
    assertThat(node.runtime.containers().get("feed").state()).isEqualTo(ContainerState.RUNNING);
  }
}
