package dev.tierbus.api;

import static dev.tierbus.api.ApiTopologies.publisher;
import static dev.tierbus.api.ApiTopologies.subscriber;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status codes and headers of the API's answers: 400 without Host, 405 with Allow, OPTIONS,
 * HEAD, 415 for bodies that are not JSON, 201 with Location, 503 with Retry-After under
 * back-pressure.
 */
@Timeout(120)
class HttpAnswersApiTest {

  static final String TOPOLOGY = """
      strategy: {container_type: sink, external_events: {publishes: [{events: [SIGNAL]}]}}
      sink:
        container_type: sink
        external_events:
          subscribes: [{source: strategy, events: [SIGNAL]}]
      """;

  @TempDir
  Path dir;

  @Test
  void anHttp11RequestWithoutHostIs400() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY)) {
      RawHttp.Answer a = RawHttp.exchange(node, "GET /api/topology HTTP/1.1\r\n\r\n");
      assertThat(a.status()).as(a.text()).isEqualTo(400);
      assertThat(a.json().getString("error")).contains("Host");
      ApiAssertions.assertJsonErrorWithoutClassNames(a.status(), a.header("content-type"), a.body());
      assertThat(RawHttp.exchange(node, "GET /api/topology HTTP/1.1\r\nHost: localhost\r\n\r\n").status())
          .isEqualTo(200);
    }
  }

  @Test
  void aMethodAPathDoesNotHaveIs405WithAllow() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY)) {
      assertMethodNotAllowed(node, HttpMethod.DELETE, "/api/topology", "GET, HEAD, OPTIONS");
      assertMethodNotAllowed(node, HttpMethod.GET, "/api/events", "POST, OPTIONS");
      assertMethodNotAllowed(node, HttpMethod.PATCH, "/api/containers/sink", "GET, HEAD, PUT, DELETE, OPTIONS");
      assertMethodNotAllowed(node, HttpMethod.GET, "/api/containers", "POST, OPTIONS");
      assertMethodNotAllowed(node, HttpMethod.PUT, "/api/deadletters/7/replay", "POST, OPTIONS");
      assertMethodNotAllowed(node, HttpMethod.POST, "/health", "GET, HEAD, OPTIONS");
      assertMethodNotAllowed(node, HttpMethod.DELETE, "/metrics", "GET, HEAD, OPTIONS");
      assertMethodNotAllowed(node, HttpMethod.POST, "/api/openapi.yaml", "GET, HEAD, OPTIONS");
      assertMethodNotAllowed(node, HttpMethod.PUT, "/", "GET, HEAD, OPTIONS");
      assertMethodNotAllowed(node, HttpMethod.POST, "/index.html", "GET, HEAD, OPTIONS");
      // without the token a mutating method is refused first by authentication
      HttpResponse<Buffer> anonymous = node.send(HttpMethod.DELETE, "/api/topology", null, null);
      assertThat(anonymous.statusCode()).isEqualTo(401);
      // unknown paths stay 404
      assertThat(node.send(HttpMethod.POST, "/api/nothing-here", new JsonObject()).statusCode()).isEqualTo(404);

      HttpResponse<Buffer> options = ApiTestNode.await(node.client.request(HttpMethod.OPTIONS, "/api/containers/sink")
          .send());
      assertThat(options.statusCode()).isEqualTo(204);
      assertThat(options.getHeader("Allow")).isEqualTo("GET, HEAD, PUT, DELETE, OPTIONS");
      HttpResponse<Buffer> head = ApiTestNode.await(node.client.request(HttpMethod.HEAD, "/api/topology").send());
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isNull();
      assertThat(ApiTestNode.await(node.client.request(HttpMethod.HEAD, "/").send()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aBodyThatIsNotJsonIs415AndNeverParsed() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY)) {
      String multipart = "--XX\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nSIGNAL\r\n--XX--\r\n";
      for (String[] c : new String[][] {
          {"multipart/form-data; boundary=XX", multipart},
          {"text/plain", "{\"type\": \"SIGNAL\"}"},
          {"application/x-www-form-urlencoded", "type=SIGNAL&source=strategy"},
          {"application/xml", "<event/>"},
          {"application/json; charset=iso-8859-1", "{}"}}) {
        for (String[] call : new String[][] {{"POST", "/api/events"}, {"POST", "/api/containers"},
            {"PUT", "/api/containers/sink"}, {"POST", "/api/deadletters/replay"}}) {
          HttpResponse<Buffer> r = ApiTestNode.await(node.client.request(HttpMethod.valueOf(call[0]), call[1])
              .putHeader("Authorization", "Bearer " + ApiTestNode.TOKEN).putHeader("Content-Type", c[0])
              .sendBuffer(Buffer.buffer(c[1])));
          assertThat(r.statusCode()).as(call[0] + " " + call[1] + " as " + c[0] + ": " + r.bodyAsString()).isEqualTo(415);
          assertThat(r.bodyAsJsonObject().getString("error")).contains("application/json");
          ApiAssertions.assertJsonErrorWithoutClassNames(r.statusCode(), r.getHeader("content-type"), r.body());
        }
      }
      HttpResponse<Buffer> noType = ApiTestNode.await(node.client.post("/api/events")
          .putHeader("Authorization", "Bearer " + ApiTestNode.TOKEN).sendBuffer(Buffer.buffer("{}")));
      assertThat(noType.statusCode()).isEqualTo(415);
      assertThat(node.runtime.containers()).containsOnlyKeys("strategy", "sink");
      assertThat(node.runtime.router().metrics().standard().published()).isZero();
      // a bodiless POST needs no Content-Type, JSON with charset utf-8 is JSON
      HttpResponse<Buffer> utf8 = ApiTestNode.await(node.client.post("/api/events")
          .putHeader("Authorization", "Bearer " + ApiTestNode.TOKEN)
          .putHeader("Content-Type", "application/json; charset=UTF-8")
          .sendBuffer(EventApiTest.signal("GOOG").toBuffer()));
      assertThat(utf8.statusCode()).as(utf8.bodyAsString()).isEqualTo(202);
    }
  }

  @Test
  void aDeployedContainerIs201WithItsLocation() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY)) {
      HttpResponse<Buffer> r = node.send(HttpMethod.POST, "/api/containers",
          new JsonObject().put("container_type", "sink").put("container_id", "s2"));
      assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
      assertThat(r.getHeader("Location")).isEqualTo("/api/containers/s2");
      assertThat(node.get(r.getHeader("Location")).bodyAsJsonObject().getString("id")).isEqualTo("s2");
    }
  }

  @Test
  void backPressureIs503WithRetryAfterOneSecondAndSaysSo() throws Exception {
    String yaml = publisher("strategy", "SIGNAL") + subscriber("slow", "slow_sink", "strategy", "SIGNAL") + """
        event_router:
          tiers:
            standard: {optimizations: {async_delivery: {queue_size: 1}}}
        """;
    try (ApiTestNode node = ApiTestNode.start(dir, yaml)) {
      List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        HttpRequest<Buffer> req = node.client.post("/api/events").putHeader("Authorization", "Bearer " + ApiTestNode.TOKEN);
        answers.add(req.sendJsonObject(EventApiTest.signal("GOOG").put("source", "strategy")));
      }
      ApiTestNode.await(Future.join(answers).otherwiseEmpty());
      HttpResponse<Buffer> refused = answers.stream().map(Future::result).filter(r -> r.statusCode() == 503)
          .findFirst().orElseThrow(() -> new AssertionError("no publish met the full queue"));
      assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
      assertThat(refused.bodyAsJsonObject().getString("error")).contains("back-pressure", "queue", "slow");
      ApiAssertions.assertJsonErrorWithoutClassNames(503, refused.getHeader("content-type"), refused.body());
      assertThat(answers.stream().map(Future::result).mapToInt(HttpResponse::statusCode)).containsOnly(202, 503);
      long refusedCount = answers.stream().filter(f -> f.result().statusCode() == 503).count();
      ApiTestNode.eventually("the refusals are counted apart", () ->
          node.runtime.router().metrics().standard().refused() == refusedCount);
      assertThat(node.runtime.router().metrics().standard().published()).isEqualTo(60 - refusedCount);
    }
  }

  private static void assertMethodNotAllowed(ApiTestNode node, HttpMethod method, String path, String allow)
      throws Exception {
    HttpResponse<Buffer> r = node.send(method, path, null);
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.bodyAsString()).isEqualTo(405);
    assertThat(r.getHeader("Allow")).as(method + " " + path).isEqualTo(allow);
    ApiAssertions.assertJsonErrorWithoutClassNames(r.statusCode(), r.getHeader("content-type"), r.body());
    assertThat(r.bodyAsJsonObject().getString("error")).contains(method.name(), path);
    assertThat(r.bodyAsJsonObject().getJsonArray("details")).isInstanceOf(JsonArray.class);
  }
}
