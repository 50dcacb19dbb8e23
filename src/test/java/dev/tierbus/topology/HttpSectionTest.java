package dev.tierbus.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.config.Problem;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The topology's http section: its keys are checked with their paths. */
class HttpSectionTest {

  @SuppressWarnings("unchecked")
  private static TopologyValidator.Result check(String yaml) {
    return new TopologyValidator(TestTypes.registry()).check(new JsonObject((Map<String, Object>) new Yaml().load(yaml)));
  }

  @Test
  void aGoodSectionIsKeptAsWritten() {
    TopologyValidator.Result r = check("""
        a: {container_type: data}
        http: {port: 9090, host: 127.0.0.1, token: abcdefghijklmnopqrstu, auth_reads: true,
               cors: [https://ops.example.com], instances: 2,
               websocket: {ping_interval_ms: 5000, max_pending_frames: 100, max_clients: 10}}
        """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.topology().http().getInteger("port")).isEqualTo(9090);
    assertThat(r.topology().http().getJsonObject("websocket").getInteger("max_clients")).isEqualTo(10);
  }

  @Test
  void everyBadKeyIsReportedWithItsPath() {
    TopologyValidator.Result r = check("""
        a: {container_type: data}
        http: {port: 99999, host: 7, token: "", auth_reads: "yes", cors: [ops.example.com], instances: 0,
               colour: red, websocket: {ping_interval_ms: 5, max_clients: "many", other: 1}}
        """);
    List<String> paths = r.problems().stream().map(Problem::path).toList();
    assertThat(paths).containsExactlyInAnyOrder("http.port", "http.host", "http.token", "http.auth_reads", "http.cors",
        "http.instances", "http.colour", "http.websocket.ping_interval_ms", "http.websocket.max_clients",
        "http.websocket.other");
    assertThat(r.problems()).anySatisfy(p -> assertThat(p.toString())
        .isEqualTo("http.port: must be in [0, 65535] (0: any free port), was 99999"));
  }

  @Test
  void thePublishingKeysAreCheckedAndReachTheApiOptions() {
    TopologyValidator.Result good = check("""
        a: {container_type: data}
        http: {api_publishers: [operator, console], idempotency_window_ms: 60000, idempotency_max_keys: 500}
        """);
    assertThat(good.problems()).isEmpty();
    dev.tierbus.api.ApiOptions options = dev.tierbus.api.ApiOptions.fromJson(good.topology().http());
    assertThat(options.getApiPublishers()).containsExactly("operator", "console");
    assertThat(options.getIdempotencyWindowMs()).isEqualTo(60_000);
    assertThat(options.getIdempotencyMaxKeys()).isEqualTo(500);

    TopologyValidator.Result bad = check("""
        a: {container_type: data}
        http: {api_publishers: operator, idempotency_window_ms: -1, idempotency_max_keys: 0}
        """);
    assertThat(bad.problems().stream().map(Problem::path).toList()).containsExactlyInAnyOrder("http.api_publishers",
        "http.idempotency_window_ms", "http.idempotency_max_keys");
    assertThat(check("a: {container_type: data}\nhttp: {api_publishers: [\"\"]}\n").problems())
        .singleElement().satisfies(p -> assertThat(p.path()).isEqualTo("http.api_publishers"));
  }

  @Test
  void aShortTokenIsAWarning() {
    TopologyValidator.Result r = check("a: {container_type: data}\nhttp: {token: short}\n");
    assertThat(r.problems()).isEmpty();
    assertThat(r.warnings()).anySatisfy(w -> assertThat(w).startsWith("http.token: a token of 5 characters"));
  }

  @Test
  void theWebSocketLimitsAndHistoryKeysAreCheckedWithTheirPaths() {
    TopologyValidator.Result good = check("""
        a: {container_type: data}
        http:
          websocket: {auth_timeout_ms: 2000, max_unauthenticated: 8, max_subscriptions: 16, max_frame_bytes: 4096,
                      history_size: 100, history_events: [SIGNAL, FILL]}
        """);
    assertThat(good.problems()).isEmpty();
    assertThat(good.topology().http().getJsonObject("websocket").getInteger("max_frame_bytes")).isEqualTo(4096);

    TopologyValidator.Result bad = check("""
        a: {container_type: data}
        http:
          websocket: {auth_timeout_ms: 5, max_unauthenticated: 0, max_subscriptions: -1, max_frame_bytes: 100,
                      history_size: 20000, history_events: [SIGNAL, SIGNALS, 3], max_subscription: 4}
        """);
    assertThat(bad.problems()).extracting(Problem::path).containsExactlyInAnyOrder("http.websocket.auth_timeout_ms",
        "http.websocket.max_unauthenticated", "http.websocket.max_subscriptions", "http.websocket.max_frame_bytes",
        "http.websocket.history_size", "http.websocket.history_events[1]", "http.websocket.history_events[2]",
        "http.websocket.max_subscription");
    assertThat(bad.problems()).extracting(Problem::toString).contains(
        "http.websocket.auth_timeout_ms: must be >= 100, was 5",
        "http.websocket.max_frame_bytes: must be in [1024, 16777216], was 100",
        "http.websocket.history_size: must be in [0, 10000], was 20000");
    assertThat(bad.problems()).anySatisfy(p -> assertThat(p.toString())
        .startsWith("http.websocket.history_events[1]: unknown event type 'SIGNALS', expected one of [BAR, "));
  }
}
