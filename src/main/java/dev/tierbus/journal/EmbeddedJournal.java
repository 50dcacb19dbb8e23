package dev.tierbus.journal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by this process for the journal, when no server is configured.
 *
 * <p>Durable like any PostgreSQL: {@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} are on (the embedded server's defaults turn them off), and the data
 * directory is kept across restarts, so a restarted node finds and delivers what it had not
 * delivered. The server binaries (Linux x86-64) come with the jar.
 */
public final class EmbeddedJournal {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedJournal.class);

  private final Vertx vertx;
  private final EmbeddedPostgres server;
  private final Path dataDir;

  private EmbeddedJournal(Vertx vertx, EmbeddedPostgres server, Path dataDir) {
    this.vertx = vertx;
    this.server = server;
    this.dataDir = dataDir;
  }

  /**
   * Starts the server in {@code options.getDataDir()} (created when missing, reused when it
   * holds a journal already) on {@code options.getEmbeddedPort()} (0: a free port). Runs on a
   * worker thread: starting takes seconds.
   */
  public static Future<EmbeddedJournal> start(Vertx vertx, JournalOptions options) {
    Path dir = Path.of(options.getDataDir()).toAbsolutePath().normalize();
    int wanted = options.getEmbeddedPort();
    return vertx.executeBlocking(() -> {
      Files.createDirectories(dir);
      stopOrphan(dir);
      int port = wanted != 0 ? wanted : freePort();
      long t0 = System.nanoTime();
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setDataDirectory(dir)
          .setCleanDataDirectory(false)
          .setPort(port)
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .setServerConfig("listen_addresses", "127.0.0.1")
          .start();
      log.info("embedded PostgreSQL for the journal on 127.0.0.1:{} (data in {}) started in {} ms", port, dir,
          (System.nanoTime() - t0) / 1_000_000);
      return new EmbeddedJournal(vertx, pg, dir);
    }, false);
  }

  /**
   * A node killed without shutting down (SIGKILL, a crash) leaves its embedded server running,
   * holding the data directory; it is stopped here (its clients died with the node), so this
   * start can take the directory over. A server whose node is still alive is not touched.
   */
  private static void stopOrphan(Path dir) throws Exception {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    } catch (RuntimeException | IOException e) {
      return; // unreadable or half-written: PostgreSQL itself decides whether the file is stale
    }
    ProcessHandle server = ProcessHandle.of(pid).orElse(null);
    if (server == null || !server.isAlive()) {
      return;
    }
    String command = server.info().commandLine().orElse("");
    if (!command.contains("postgres") || !command.contains(dir.toString())) {
      return; // the pid was reused by something else: the file is stale
    }
    ProcessHandle parent = server.parent().orElse(null);
    boolean orphan = parent == null || parent.pid() == 1 || !parent.info().command().orElse("").contains("java");
    if (!orphan) {
      throw new IllegalStateException("the journal data directory " + dir + " is in use by the embedded server (pid "
          + pid + ") of another running node (pid " + parent.pid() + "); give this node its own journal.data_dir");
    }
    log.warn("stopping the embedded journal server left running in {} by a node that did not shut down (pid {})",
        dir, pid);
    // SIGINT: PostgreSQL's fast shutdown (SIGTERM's smart shutdown can wait on dead sessions)
    new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
    try {
      server.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      server.destroyForcibly(); // crash stop: the next start recovers from the write-ahead log
      server.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** {@code base} pointed at this server (host, port, user and database of the embedded server). */
  public JournalOptions connectOptions(JournalOptions base) {
    return base.copy()
        .setStore(JournalOptions.Store.POSTGRESQL)
        .setHost("127.0.0.1")
        .setPort(server.getPort())
        .setUser("postgres")
        .setDatabase("postgres")
        .setPassword(null);
  }

  public int port() {
    return server.getPort();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Stops the server (a clean shutdown; the data stays). */
  public Future<Void> stop() {
    return vertx.executeBlocking(() -> {
      server.close();
      return null;
    }, false);
  }
}
