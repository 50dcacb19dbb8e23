package dev.tierbus.trading.recorder;

import static dev.tierbus.journal.JournalTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.config.Problem;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.topology.ContainerChangeException;
import dev.tierbus.topology.TopologyLoader;
import dev.tierbus.topology.TopologyRuntime;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a recorder writes is the topology file's to say: a container deployed or redeployed at
 * runtime (what the HTTP API does) cannot move a recorder's {@code base_dir} nor write outside it.
 */
@Timeout(60)
class RecorderRuntimeChangeTest {

  @TempDir
  Path dir;

  private Vertx vertx;
  private TopologyRuntime runtime;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    Path topology = Files.writeString(dir.resolve("t.yaml"), """
        strategy: {container_type: printer}
        rec:
          container_type: recorder
          events: [SIGNAL]
          path: signals.jsonl
          base_dir: "%s"
        journal: {store: memory}
        """.formatted(dir));
    ContainerRegistry registry = ContainerRegistry.withDefaults();
    runtime = await(TopologyLoader.load(vertx, topology.toString(), registry)
        .compose(t -> TopologyRuntime.deploy(vertx, t, registry)));
  }

  @AfterEach
  void stop() {
    try {
      await(runtime.stop());
    } finally {
      await(vertx.close());
    }
  }

  private static JsonObject recorder(String id) {
    return new JsonObject().put("container_type", "recorder").put("container_id", id)
        .put("events", new JsonArray().add("SIGNAL"));
  }

  private static List<Problem> refused(Future<?> change) {
    Throwable failure = change.toCompletionStage().toCompletableFuture().handle((v, e) -> e).join();
    assertThat(failure).isInstanceOf(ContainerChangeException.class);
    ContainerChangeException e = (ContainerChangeException) failure;
    assertThat(e.reason()).isEqualTo(ContainerChangeException.Reason.INVALID);
    return e.problems();
  }

  @Test
  void aDeployedRecorderCannotChooseItsBaseDirNorWriteOutsideTheDefaultOne() {
    List<Problem> moved = refused(runtime.deployContainer(recorder("r2").put("path", "passwd").put("base_dir", "/etc"),
        null));
    assertThat(moved).extracting(Problem::path).containsExactly("base_dir");
    assertThat(moved.get(0).message()).startsWith("can only be set in the topology file, not through the API");

    List<Problem> escaping = refused(runtime.deployContainer(recorder("r3").put("path", "/etc/passwd"), null));
    assertThat(escaping).extracting(Problem::path).containsExactly("path");
    assertThat(escaping.get(0).message()).contains("is outside the recorder's base_dir");
    assertThat(runtime.containers()).doesNotContainKeys("r2", "r3");
  }

  @Test
  void aRedeployKeepsTheFilesBaseDirOrTheDefault() {
    List<Problem> moved = refused(runtime.redeployContainer("rec", recorder("rec").put("path", "signals.jsonl")
        .put("base_dir", "/tmp")));
    assertThat(moved).extracting(Problem::path).containsExactly("base_dir");
    assertThat(moved.get(0).message()).endsWith("give " + dir + " (the value it has) or leave it out");

    await(runtime.redeployContainer("rec", recorder("rec").put("path", "signals-2.jsonl")
        .put("base_dir", dir.toString())));
    RecorderContainer rec = (RecorderContainer) runtime.containers().get("rec");
    assertThat(rec.recorderConfig().file()).isEqualTo(dir.resolve("signals-2.jsonl").toAbsolutePath());
  }
}
