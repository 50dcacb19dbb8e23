package dev.tierbus.journal;

import static dev.tierbus.journal.JournalTestSupport.await;
import static dev.tierbus.journal.JournalTestSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Order;
import dev.tierbus.event.Side;
import dev.tierbus.router.ReliableTierOptions;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded journal a fresh machine runs on: a real PostgreSQL started by the process,
 * durable settings on, data kept across restarts.
 */
@Timeout(120)
class EmbeddedJournalTest {

  private static Event order(int n) {
    return Event.of(EventType.ORDER, "risk", "AAPL", n, new Order("o-" + n, Side.BUY, 1, Double.NaN, "t"));
  }

  private static String setting(Vertx vertx, EmbeddedJournal server, String name) {
    return query(vertx, connect(server.connectOptions(new JournalOptions())), "SHOW " + name);
  }

  private static PgConnectOptions connect(JournalOptions o) {
    PgConnectOptions c = new PgConnectOptions().setHost(o.getHost()).setPort(o.getPort()).setUser(o.getUser())
        .setDatabase(o.getDatabase());
    return o.getPassword() == null ? c : c.setPassword(o.getPassword());
  }

  private static String query(Vertx vertx, PgConnectOptions connect, String sql) {
    Pool pool = PgBuilder.pool().connectingTo(connect).using(vertx).build();
    try {
      return String.valueOf(await(pool.query(sql).execute()).iterator().next().getValue(0));
    } finally {
      await(pool.close());
    }
  }

  private static Throwable failure(Vertx vertx, PgConnectOptions connect) {
    Pool pool = PgBuilder.pool().connectingTo(connect).using(vertx).build();
    try {
      return pool.query("SELECT 1").execute().transform(ar -> io.vertx.core.Future.succeededFuture(ar.cause()))
          .toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      await(pool.close());
    }
  }

  @Test
  void aSecondNodeOnTheSameDirectoryIsRefusedAndTheFirstKeepsServing(@TempDir Path dir) throws Exception {
    String shown = dir.resolve("journal").toString();
    JournalOptions base = new JournalOptions().setDataDir(shown).setNodeId("embedded-test");
    Vertx vertx = Vertx.vertx();
    try {
      EmbeddedJournal first = await(EmbeddedJournal.start(vertx, base), Duration.ofSeconds(60));
      String refusal = "another tierbus node (pid " + ProcessHandle.current().pid() + ") uses " + shown;

      // a second start in this process
      Throwable again = EmbeddedJournal.start(vertx, base).transform(ar -> io.vertx.core.Future.succeededFuture(
          ar.cause())).toCompletionStage().toCompletableFuture().get(60, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(again).isNotNull().hasMessageContaining(refusal);

      // a second node: another process running the same topology directory
      Path topology = java.nio.file.Files.writeString(dir.resolve("t.yaml"),
          "feed: {container_type: data, source: synthetic, symbols: [AAPL], interval_ms: 50}\n"
              + "journal: {data_dir: \"" + shown + "\", node_id: second}\nhttp: {port: 0, host: 127.0.0.1}\n");
      String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      Process second = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
          classpath, "dev.tierbus.cli.TierbusCli", "run", "--topology", topology.toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("second.log").toFile()).start();
      try {
        assertThat(second.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)).as("the second node gives up").isTrue();
      } finally {
        second.destroyForcibly();
      }
      String log = java.nio.file.Files.readString(dir.resolve("second.log"));
      assertThat(second.exitValue()).as(log).isEqualTo(1);
      assertThat(log).contains(refusal).doesNotContain("tierbus running");

      // the first never noticed
      assertThat(query(vertx, connect(first.connectOptions(base)), "SELECT 1")).isEqualTo("1");
      await(first.stop());
      // and once it has stopped, the directory can be taken again
      EmbeddedJournal next = await(EmbeddedJournal.start(vertx, base), Duration.ofSeconds(60));
      await(next.stop());
    } finally {
      await(vertx.close());
    }
  }

  @Test
  void onlyAClientWithTheGeneratedPasswordGetsIn(@TempDir Path dir) throws Exception {
    JournalOptions base = new JournalOptions().setDataDir(dir.resolve("journal").toString());
    Vertx vertx = Vertx.vertx();
    try {
      EmbeddedJournal server = await(EmbeddedJournal.start(vertx, base), Duration.ofSeconds(60));
      try {
        JournalOptions options = server.connectOptions(base);
        Path file = dir.resolve("journal").resolve("password");
        assertThat(java.nio.file.Files.readString(file).trim()).isEqualTo(options.getPassword()).hasSize(64);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
            java.nio.file.Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(options.describe()).doesNotContain(options.getPassword());

        assertThat(failure(vertx, connect(options.copy().setPassword(null)))).as("no password").isNotNull();
        assertThat(failure(vertx, connect(options.copy().setPassword("not-the-password"))))
            .as("a wrong password").isNotNull().hasMessageContaining("password authentication failed");
        assertThat(failure(vertx, connect(options))).as("the password").isNull();
      } finally {
        await(server.stop());
      }
      // kept: the next start uses the same password
      String before = java.nio.file.Files.readString(dir.resolve("journal").resolve("password"));
      EmbeddedJournal again = await(EmbeddedJournal.start(vertx, base), Duration.ofSeconds(60));
      assertThat(again.connectOptions(base).getPassword()).isEqualTo(before.trim());
      assertThat(failure(vertx, connect(again.connectOptions(base)))).isNull();
      await(again.stop());
    } finally {
      await(vertx.close());
    }
  }

  @Test
  void aJournalDirectoryOfAnOlderVersionKeepsItsDataAndGetsAPassword(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("journal");
    // what an older version left: PostgreSQL's files at the top of data_dir, trust authentication
    try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres old = io.zonky.test.db.postgres.embedded.EmbeddedPostgres
        .builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        java.sql.Connection c = old.getPostgresDatabase().getConnection();
        java.sql.Statement st = c.createStatement()) {
      st.execute("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('from before')");
    }
    JournalOptions base = new JournalOptions().setDataDir(data.toString());
    Vertx vertx = Vertx.vertx();
    try {
      EmbeddedJournal server = await(EmbeddedJournal.start(vertx, base), Duration.ofSeconds(90));
      try {
        JournalOptions options = server.connectOptions(base);
        assertThat(query(vertx, connect(options), "SELECT v FROM kept")).isEqualTo("from before");
        assertThat(failure(vertx, connect(options.copy().setPassword(null)))).as("no password any more").isNotNull();
      } finally {
        await(server.stop());
      }
    } finally {
      await(vertx.close());
    }
  }

  @Test
  void runsDurableAndARestartedServerStillHoldsWhatWasNotDelivered(@TempDir Path dir) {
    JournalOptions base = new JournalOptions().setDataDir(dir.resolve("journal").toString()).setNodeId("embedded-test");
    assertThat(base.isConfigured()).isFalse();
    ReliableTierOptions neverConfirmed = new ReliableTierOptions().setRetryAttempts(1000).setBaseDelayMs(60_000)
        .setMaxDelayMs(60_000);

    Vertx vertx = Vertx.vertx();
    try {
      EmbeddedJournal server = await(EmbeddedJournal.start(vertx, base), Duration.ofSeconds(60));
      assertThat(setting(vertx, server, "fsync")).isEqualTo("on");
      assertThat(setting(vertx, server, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(vertx, server, "full_page_writes")).isEqualTo("on");
      // the settings that keep the paced tail short through checkpoints (JournalServerSettings)
      assertThat(setting(vertx, server, "wal_compression")).isEqualTo("on");
      assertThat(setting(vertx, server, "checkpoint_timeout")).isEqualTo("15min");
      assertThat(setting(vertx, server, "max_wal_size")).isEqualTo("2GB");
      TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions().setReliable(neverConfirmed));
      ReliableTier tier = await(ReliableTiers.install(router, server.connectOptions(base)));
      assertThat(tier.status().reachable()).as("%s", tier.status()).isTrue();
      await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), e -> {
        throw new IllegalStateException("not yet");
      }));
      for (int i = 0; i < 5; i++) {
        await(router.publish(order(i)));
      }
      await(router.close());
      await(server.stop());
    } finally {
      await(vertx.close());
    }

    Vertx again = Vertx.vertx();
    try {
      EmbeddedJournal server = await(EmbeddedJournal.start(again, base), Duration.ofSeconds(60));
      TieredEventRouter router = TieredEventRouter.create(again, new RouterOptions());
      ReliableTier tier = await(ReliableTiers.install(router, server.connectOptions(base)));
      assertThat(tier.metrics().details().getLong("recovered")).isEqualTo(5);
      List<String> got = new CopyOnWriteArrayList<>();
      await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER),
          e -> got.add(e.payloadAs(Order.class).orderId())));
      eventually(Duration.ofSeconds(20), () -> got.size() == 5, "the five are delivered after the restart");
      assertThat(got).containsExactly("o-0", "o-1", "o-2", "o-3", "o-4");
      await(router.close());
      await(server.stop());
    } finally {
      await(again.close());
    }
  }
}
