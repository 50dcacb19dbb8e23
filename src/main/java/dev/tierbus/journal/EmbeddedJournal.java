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
