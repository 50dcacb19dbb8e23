package dev.tierbus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.api.ApiServer;
import dev.tierbus.topology.TestTypes;
import dev.tierbus.topology.TopologyLoader;
import dev.tierbus.topology.TopologyRuntime;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where run's HTTP server takes its port and token from. */
class HttpStartupTest {

  private final Vertx vertx = Vertx.vertx();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  @TempDir
  Path dir;

  @AfterEach
  void close() throws Exception {
    Await.result(vertx.close(), Duration.ofSeconds(10));
  }

  private TopologyRuntime runtime(String yaml) throws Exception {
    Path file = Files.writeString(dir.resolve("t.yaml"), yaml);
    return Await.result(TopologyLoader.load(vertx, file.toString(), TestTypes.registry())
        .compose(t -> TopologyRuntime.deploy(vertx, t, TestTypes.registry())), Duration.ofSeconds(10));
  }

  @Test
  void theEnvironmentsTokenWinsOverTheTopologysAndIsNotPrinted() throws Exception {
    TopologyRuntime rt = runtime("a: {container_type: data}\nhttp: {host: 127.0.0.1, token: from-the-file-0123456789}\n");
    ApiServer s = Await.result(HttpStartup.start(vertx, rt, 0, Map.of("TIERBUS_TOKEN", "from-the-env-0123456789"), err),
        Duration.ofSeconds(10));
    assertThat(s.token()).isEqualTo("from-the-env-0123456789");
    assertThat(s.tokenGenerated()).isFalse();
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).doesNotContain("from-the-env").doesNotContain("API token");
    Await.result(s.close(), Duration.ofSeconds(10));
  }

  @Test
  void theTopologysTokenAndPortAreUsedWhenNothingOverridesThem() throws Exception {
    TopologyRuntime rt = runtime("a: {container_type: data}\nhttp: {host: 127.0.0.1, port: 0, token: from-the-file-0123456789}\n");
    ApiServer s = Await.result(HttpStartup.start(vertx, rt, null, Map.of(), err), Duration.ofSeconds(10));
    assertThat(s.token()).isEqualTo("from-the-file-0123456789");
    assertThat(s.port()).isPositive();
    Await.result(s.close(), Duration.ofSeconds(10));
  }

  @Test
  void aDisabledServerIsNotStarted() throws Exception {
    TopologyRuntime rt = runtime("a: {container_type: data}\nhttp: {enabled: false}\n");
    assertThat(Await.result(HttpStartup.start(vertx, rt, 0, Map.of(), err), Duration.ofSeconds(10))).isNull();
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("HTTP server disabled");
  }
}
