package dev.tierbus.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer tokens: mutating calls always need one, reads only with auth_reads; 401 without, 403 wrong. */
class AuthApiTest {

  static final String TOPOLOGY = """
      sink: {container_type: sink}
      """;

  @TempDir
  Path dir;

  @Test
  void mutatingCallsNeedTheTokenReadsAreOpen() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY)) {
      JsonObject entry = new JsonObject().put("container_type", "sink").put("container_id", "s2");
      for (String[] call : new String[][] {
          {"POST", "/api/containers"}, {"PUT", "/api/containers/sink"}, {"DELETE", "/api/containers/sink"},
          {"POST", "/api/events"}, {"POST", "/api/deadletters/1/replay"}, {"POST", "/api/deadletters/replay"},
          {"DELETE", "/api/deadletters/1"}}) {
        HttpMethod m = HttpMethod.valueOf(call[0]);
        HttpResponse<Buffer> none = node.send(m, call[1], entry, null);
        assertThat(none.statusCode()).as(call[0] + " " + call[1] + " without a token").isEqualTo(401);
        assertThat(none.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(none.bodyAsJsonObject().getString("error")).contains("Authorization: Bearer");
        HttpResponse<Buffer> wrong = node.send(m, call[1], entry, "not-the-token");
        assertThat(wrong.statusCode()).as(call[0] + " " + call[1] + " with a wrong token").isEqualTo(403);
        assertThat(wrong.bodyAsJsonObject().getString("error")).isEqualTo("wrong token");
      }
      HttpResponse<Buffer> basic = ApiTestNode.await(node.client.post("/api/containers")
          .putHeader("Authorization", "Basic dXNlcjpwYXNz").sendJsonObject(entry));
      assertThat(basic.statusCode()).isEqualTo(401);
      assertThat(node.runtime.containers()).containsOnlyKeys("sink");

      for (String read : new String[] {"/api/topology", "/api/routes", "/api/metrics", "/metrics", "/health",
          "/api/openapi.yaml", "/"}) {
        assertThat(node.get(read).statusCode()).as(read).isEqualTo(200);
      }
      assertThat(node.send(HttpMethod.POST, "/api/containers", entry).statusCode()).isEqualTo(201);
    }
  }

  @Test
  void withAuthReadsReadsNeedTheTokenButHealthAndTheDashboardDoNot() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY, new ApiOptions().setAuthReads(true), null)) {
      for (String read : new String[] {"/api/topology", "/api/routes", "/api/metrics", "/metrics"}) {
        assertThat(node.get(read).statusCode()).as(read + " without a token").isEqualTo(401);
        assertThat(node.send(HttpMethod.GET, read, null, "nope").statusCode()).as(read + " wrong token").isEqualTo(403);
        assertThat(node.send(HttpMethod.GET, read, null).statusCode()).as(read + " with the token").isEqualTo(200);
      }
      assertThat(node.get("/health").statusCode()).isEqualTo(200);
      assertThat(node.get("/").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void configuredOriginsMayCallTheApiFromABrowser() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY,
        new ApiOptions().setCorsOrigins(java.util.List.of("https://ops.example.com")), null)) {
      HttpResponse<Buffer> preflight = ApiTestNode.await(node.client.request(HttpMethod.OPTIONS, "/api/containers")
          .putHeader("Origin", "https://ops.example.com")
          .putHeader("Access-Control-Request-Method", "POST")
          .putHeader("Access-Control-Request-Headers", "Authorization, Content-Type").send());
      assertThat(preflight.statusCode()).isIn(200, 204);
      assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://ops.example.com");
      HttpResponse<Buffer> other = ApiTestNode.await(node.client.get("/api/topology")
          .putHeader("Origin", "https://elsewhere.example.com").send());
      assertThat(other.getHeader("Access-Control-Allow-Origin")).isNull();
    }
  }
}
