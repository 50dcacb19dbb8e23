package dev.tierbus.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.List;
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
  void validateNamesEveryBadValue() {
    assertThatThrownBy(() -> new ApiOptions().setPort(70000).setInstances(0).setMaxPendingFrames(0).validate())
        .hasMessageContaining("port must be in [0, 65535], was 70000")
        .hasMessageContaining("instances must be >= 1, was 0")
        .hasMessageContaining("websocket.max_pending_frames must be >= 1, was 0");
  }
}
