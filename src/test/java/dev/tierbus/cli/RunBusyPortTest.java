package dev.tierbus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.journal.JournalTestSupport;
import dev.tierbus.topology.TestTypes;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} with its HTTP port taken stops before anything is deployed: no container runs,
 * the journal is never opened (no schema in PostgreSQL, no embedded server started), so nothing
 * is published or journalled.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunBusyPortTest {

  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  private int run(RunCommand run, Path topology) throws Exception {
    return CompletableFuture.supplyAsync(() -> run.run(topology.toString())).get(50, TimeUnit.SECONDS);
  }

  @Test
  void aTakenPortStopsTheNodeBeforeItsJournalOrContainersStart(@TempDir Path dir) throws Exception {
    String schema = "t_busy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      Path topology = Files.writeString(dir.resolve("t.yaml"), """
          feed: {container_type: data}
          http: {host: 127.0.0.1, port: %d}
          journal: {host: 127.0.0.1, port: 5432, database: test, user: postgres, schema: %s}
          """.formatted(port, schema));
      RunCommand run = new RunCommand(TestTypes.registry(), err, false);
      assertThat(run(run, topology)).isEqualTo(TierbusCli.EXIT_FAILURE);
      String said = errBytes.toString(StandardCharsets.UTF_8);
      assertThat(said).contains("cannot listen on 127.0.0.1:" + port).contains("nothing was deployed");
      assertThat(run.runtime()).as("no topology deployed").isNull();
    }
    Vertx vertx = Vertx.vertx();
    Pool sql = JournalTestSupport.sql(vertx);
    try {
      assertThat(JournalTestSupport.count(sql, "SELECT count(*) FROM pg_namespace WHERE nspname = $1", schema))
          .as("the journal was never opened").isZero();
    } finally {
      JournalTestSupport.await(sql.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE").execute());
      JournalTestSupport.await(vertx.close());
    }
  }

  @Test
  void aTakenPortStopsTheNodeBeforeItStartsAnEmbeddedJournal(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("journal");
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      Path topology = Files.writeString(dir.resolve("t.yaml"), """
          feed: {container_type: data}
          http: {host: 127.0.0.1}
          journal: {data_dir: "%s"}
          """.formatted(data));
      RunCommand run = new RunCommand(TestTypes.registry(), err, false).httpPort(taken.getLocalPort());
      assertThat(run(run, topology)).isEqualTo(TierbusCli.EXIT_FAILURE);
      assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
      assertThat(run.runtime()).isNull();
      assertThat(run.embeddedJournal()).isNull();
      assertThat(Files.exists(data)).as("no embedded server was started").isFalse();
    }
  }
}
