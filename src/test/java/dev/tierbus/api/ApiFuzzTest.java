package dev.tierbus.api;

import static dev.tierbus.api.ApiTopologies.publisher;
import static dev.tierbus.api.ApiTopologies.subscriber;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad bodies, methods, media types, paths, tokens and framings against every path of the API:
 * every refusal is a JSON error with a 4xx and names no Java class, and nothing is a 5xx.
 */
@Timeout(300)
class ApiFuzzTest {

  static final String TOPOLOGY = publisher("strategy", "SIGNAL", "ORDER")
      + subscriber("sink", "sink", "strategy", "SIGNAL", "ORDER") + "journal: {store: memory}\n";

  static final List<String> PATHS = List.of("/api/topology", "/api/containers", "/api/containers/sink",
      "/api/containers/nope", "/api/containers/%00", "/api/containers/%F0%28", "/api/routes", "/api/metrics",
      "/api/deadletters", "/api/deadletters?limit=abc", "/api/deadletters?limit=0", "/api/deadletters?after=-5",
      "/api/deadletters?dead_since=yesterday", "/api/deadletters?type=NOPE", "/api/deadletters/replay",
      "/api/deadletters/1/replay", "/api/deadletters/abc/replay", "/api/deadletters/99999999999999999999999/replay",
      "/api/deadletters/0", "/api/deadletters/-1", "/api/events", "/health", "/health/live", "/metrics",
      "/api/openapi.yaml", "/api/nothing", "/api/", "/ws/signals", "/nothing.html");

  static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
      HttpMethod.DELETE, HttpMethod.PATCH, HttpMethod.OPTIONS);

  /** Content type and body; null: none. */
  static final List<String[]> BODIES = List.of(
      new String[] {null, null},
      new String[] {"application/json", ""},
      new String[] {"application/json", "{"},
      new String[] {"application/json", "[]"},
      new String[] {"application/json", "null"},
      new String[] {"application/json", "42"},
      new String[] {"application/json", "\"text\""},
      new String[] {"application/json", "{\"a\": 1}"},
      new String[] {"application/json", "{\"container_type\": 5, \"container_id\": [1]}"},
      new String[] {"application/json", "{\"type\": \"SIGNAL\", \"source\": \"strat\\u0000egy\", \"symbol\": \"\\ud800\","
          + " \"payload\": {\"direction\": \"LONG\", \"strength\": \"x\"}}"},
      new String[] {"application/json", "{\"type\": \"ORDER\", \"source\": \"strategy\", \"id\": 1e30, \"payload\":"
          + " {\"order_id\": \"\\u0000\", \"side\": null, \"quantity\": -1}}"},
      new String[] {"application/json", "[".repeat(5000) + "]".repeat(5000)},
      new String[] {"application/json", "{\"subscriber\": {\"$ne\": 1}, \"type\": \"java.lang.Object\"}"},
      new String[] {"application/json; charset=utf-16", "{}"},
      new String[] {"text/plain", "{\"a\": 1}"},
      new String[] {"multipart/form-data; boundary=XX", "--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--XX--\r\n"},
      new String[] {"application/x-www-form-urlencoded", "a=b&c=%00"});

  @TempDir
  Path dir;

  @Test
  void everyRefusalIsAJsonErrorWithA4xxAndNoClassName() throws Exception {
    try (ApiTestNode node = ApiTestNode.start(dir, TOPOLOGY)) {
      int checked = 0;
      List<Call> calls = new ArrayList<>();
      for (String path : PATHS) {
        for (HttpMethod method : METHODS) {
          for (String[] body : BODIES) {
            calls.add(new Call(method, path, body[0], body[1], ApiTestNode.TOKEN));
          }
          calls.add(new Call(method, path, null, null, null));
          calls.add(new Call(method, path, "application/json", "{}", "wrong-token"));
        }
        calls.add(new Call(HttpMethod.POST, path, "application/json", "\"" + "x".repeat(1024 * 1024 + 10) + "\"",
            ApiTestNode.TOKEN));
      }
      for (int from = 0; from < calls.size(); from += 32) {
        List<Call> batch = calls.subList(from, Math.min(calls.size(), from + 32));
        List<Future<HttpResponse<Buffer>>> answers = new ArrayList<>();
        for (Call c : batch) {
          answers.add(c.send(node));
        }
        ApiTestNode.await(Future.join(answers).otherwiseEmpty());
        for (int i = 0; i < batch.size(); i++) {
          Call c = batch.get(i);
          Future<HttpResponse<Buffer>> f = answers.get(i);
          assertThat(f.succeeded()).as(c + ": " + f.cause()).isTrue();
          check(c.toString(), c.method, f.result().statusCode(), f.result().getHeader("content-type"), f.result().body());
          checked++;
        }
      }
      // requests an HTTP client would not send
      for (String raw : List.of(
          "GET /api/topology HTTP/1.1\r\n\r\n",
          "POST /api/events HTTP/1.1\r\nAuthorization: Bearer " + ApiTestNode.TOKEN + "\r\nContent-Length: 2\r\n\r\n{}",
          "POST /api/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ApiTestNode.TOKEN
              + "\r\nContent-Type: application/json\r\nContent-Length: 3\r\n\r\n{\"\u00ff",
          "GET /api/containers/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
          "GET /api/../api/topology HTTP/1.1\r\nHost: x\r\n\r\n",
          "GET /api/deadletters?limit=%ff%fe HTTP/1.1\r\nHost: x\r\n\r\n")) {
        RawHttp.Answer a = RawHttp.exchange(node, Buffer.buffer(raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        check(raw.split("\r\n")[0], HttpMethod.GET, a.status(), a.header("content-type"), a.body());
        checked++;
      }
      assertThat(checked).isGreaterThan(3000);
    }
  }

  private static void check(String what, HttpMethod method, int status, String contentType, Buffer body) {
    assertThat(status).as(what + " -> " + body).isLessThan(500);
    if (status >= 400 && method != HttpMethod.HEAD) {
      try {
        ApiAssertions.assertJsonErrorWithoutClassNames(status, contentType, body);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(what + " -> " + status + ": " + e.getMessage(), e);
      }
    }
  }

  private record Call(HttpMethod method, String path, String contentType, String body, String token) {

    Future<HttpResponse<Buffer>> send(ApiTestNode node) {
      HttpRequest<Buffer> req = node.client.request(method, path);
      if (token != null) {
        req.putHeader("Authorization", "Bearer " + token);
      }
      if (contentType != null) {
        req.putHeader("Content-Type", contentType);
      }
      return body == null ? req.send() : req.sendBuffer(Buffer.buffer(body));
    }

    @Override
    public String toString() {
      return method + " " + path + " [" + contentType + "] " + (body == null ? "" : body.length() > 120
          ? body.substring(0, 120) + "..." : body) + (token == null ? " (no token)" : "");
    }
  }
}
