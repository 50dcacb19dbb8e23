package dev.tierbus.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tierbus.event.EventType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiOptionsTest {

  @Test
  void defaultsAndJsonRoundTrip() {
    ApiOptions d = new ApiOptions();
    assertThat(d.getPort()).isEqualTo(8080);
    assertThat(d.isAuthReads()).isFalse();
    assertThat(d.getToken()).isNull();
    ApiOptions o = new ApiOptions().setPort(9000).setHost("127.0.0.1").setToken("t0123456789abcdef").setAuthReads(true)
        .setCorsOrigins(List.of("https://ops.example.com")).setInstances(3).setPingIntervalMs(500)
        .setMaxPendingFrames(10).setMaxClients(7);
    ApiOptions back = ApiOptions.fromJson(new JsonObject(o.toJson().encode()));
    assertThat(back.toJson()).isEqualTo(o.toJson());
    assertThat(ApiOptions.fromJson(new JsonObject().put("cors", "*")).getCorsOrigins()).containsExactly("*");
  }

  @Test
  void thePublishingOptionsRoundTripAndAreValidated() {
    ApiOptions d = new ApiOptions();
    assertThat(d.getApiPublishers()).isEmpty();
    assertThat(d.getIdempotencyWindowMs()).isEqualTo(600_000);
    assertThat(d.getIdempotencyMaxKeys()).isEqualTo(100_000);
    ApiOptions o = new ApiOptions().setApiPublishers(List.of("operator")).setIdempotencyWindowMs(0)
        .setIdempotencyMaxKeys(10);
    ApiOptions back = ApiOptions.fromJson(new JsonObject(o.toJson().encode()));
    assertThat(back.toJson()).isEqualTo(o.toJson());
    assertThat(back.getApiPublishers()).containsExactly("operator");
    assertThatThrownBy(() -> new ApiOptions().setIdempotencyWindowMs(-1).setIdempotencyMaxKeys(0)
        .setApiPublishers(List.of(" ")).validate())
        .hasMessageContaining("idempotency_window_ms must be >= 0")
        .hasMessageContaining("idempotency_max_keys must be >= 1, was 0")
        .hasMessageContaining("api_publishers must hold source names");
  }

  @Test
  void validateNamesEveryBadValue() {
    assertThatThrownBy(() -> new ApiOptions().setPort(70000).setInstances(0).setMaxPendingFrames(0).validate())
        .hasMessageContaining("port must be in [0, 65535], was 70000")
        .hasMessageContaining("instances must be >= 1, was 0")
        .hasMessageContaining("websocket.max_pending_frames must be >= 1, was 0");
  }

  @Test
  void theWebSocketLimitsAndHistoryHaveDefaultsAndRoundTrip() {
    ApiOptions d = new ApiOptions();
    assertThat(d.getAuthTimeoutMs()).isEqualTo(5_000);
    assertThat(d.getMaxUnauthenticated()).isEqualTo(64);
    assertThat(d.getMaxSubscriptions()).isEqualTo(64);
    assertThat(d.getMaxFrameBytes()).isEqualTo(65_536);
    assertThat(d.getHistorySize()).isEqualTo(500);
    assertThat(d.getHistoryEvents()).containsExactlyInAnyOrder(EventType.SIGNAL, EventType.ORDER, EventType.FILL,
        EventType.PORTFOLIO_UPDATE);
    ApiOptions o = new ApiOptions().setAuthTimeoutMs(700).setMaxUnauthenticated(3).setMaxSubscriptions(9)
        .setMaxFrameBytes(4096).setHistorySize(0).setHistoryEvents(Set.of(EventType.SIGNAL));
    JsonObject json = new JsonObject(o.toJson().encode());
    assertThat(json.getJsonObject("websocket").getJsonArray("history_events")).isEqualTo(new JsonArray().add("SIGNAL"));
    assertThat(ApiOptions.fromJson(json).toJson()).isEqualTo(o.toJson());
  }

  @Test
  void validateNamesEveryBadWebSocketValue() {
    assertThatThrownBy(() -> new ApiOptions().setAuthTimeoutMs(10).setMaxUnauthenticated(0).setMaxSubscriptions(0)
        .setMaxFrameBytes(100).setHistorySize(-1).validate())
        .hasMessageContaining("websocket.auth_timeout_ms must be >= 100, was 10")
        .hasMessageContaining("websocket.max_unauthenticated must be >= 1, was 0")
        .hasMessageContaining("websocket.max_subscriptions must be >= 1, was 0")
        .hasMessageContaining("websocket.max_frame_bytes must be in [1024, 16777216], was 100")
        .hasMessageContaining("websocket.history_size must be in [0, 10000], was -1");
  }
}
