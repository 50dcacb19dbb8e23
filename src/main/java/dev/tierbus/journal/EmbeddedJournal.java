package dev.tierbus.journal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by this process for the journal, when no server is configured.
 *
 * <p>Durable like any PostgreSQL: {@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} are on (the embedded server's defaults turn them off), and the data
 * directory is kept across restarts, so a restarted node finds and delivers what it had not
 * delivered. The server binaries (Linux x86-64) come with the jar.
 *
 * <p>The data directory ({@code journal.data_dir}):
 * <pre>
 * tierbus.lock   the owning node's pid; the node holds an OS lock on it while it runs ({@link DataDirLock})
 * password       the server's password, generated at the first start, owner-only (0600), never printed
 * pg_hba.conf    who may connect: password (SCRAM) only, over 127.0.0.1 or the server's Unix socket
 * pgdata/        PostgreSQL's own files (a directory made by an older version keeps them at its top)
 * </pre>
 *
 * <p>One node per directory: a second node is refused ("another tierbus node (pid N) uses
 * DIR") and the first keeps running. A node killed without shutting down (SIGKILL) leaves its
 * server running; the next start holds the lock, so it knows that node is dead, and stops the
 * orphaned server before it takes the directory over.
 *
 * <p>The server's settings for the reliable tier's load are {@link JournalServerSettings}.
 */
public final class EmbeddedJournal {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedJournal.class);
  private static final String USER = "postgres";
  private static final String DATABASE = "postgres";

  private final Vertx vertx;
  private final EmbeddedPostgres server;
  private final Path dataDir;
  private final String password;
  private final DataDirLock lock;

  private EmbeddedJournal(Vertx vertx, EmbeddedPostgres server, Path dataDir, String password, DataDirLock lock) {
    this.vertx = vertx;
    this.server = server;
    this.dataDir = dataDir;
    this.password = password;
    this.lock = lock;
  }

  /**
   * Starts the server in {@code options.getDataDir()} (created when missing, reused when it
   * holds a journal already) on {@code options.getEmbeddedPort()} (0: a free port). Runs on a
   * worker thread: starting takes seconds.
   *
   * @return the running server; a failed Future when another node uses the directory (nothing
   *     of that node is touched) or the server cannot start
   */
  public static Future<EmbeddedJournal> start(Vertx vertx, JournalOptions options) {
    String shown = options.getDataDir();
    Path dir = Path.of(shown).toAbsolutePath().normalize();
    int wanted = options.getEmbeddedPort();
    return vertx.executeBlocking(() -> {
      DataDirLock lock = DataDirLock.acquire(dir, shown);
      try {
        return startLocked(vertx, dir, lock, wanted);
      } catch (Throwable t) {
        lock.release();
        throw t;
      }
    }, false);
  }

  private static EmbeddedJournal startLocked(Vertx vertx, Path dir, DataDirLock lock, int wanted) throws Exception {
    // an older version kept PostgreSQL's files at the top of the data directory
    Path cluster = Files.exists(dir.resolve("PG_VERSION")) ? dir : dir.resolve("pgdata");
    boolean initialized = Files.exists(cluster.resolve("postgresql.conf"));
    stopOrphan(cluster);
    ServerPassword secret = ServerPassword.in(dir);
    boolean passwordIsNew = !secret.exists();
    String password = secret.readOrCreate();
    // a server made before passwords were set has none yet: it starts once on its own
    // (trust) authentication, gets the password, then takes the password-only rules
    boolean givePassword = initialized && passwordIsNew;
    Path hba = dir.resolve("pg_hba.conf");
    if (!givePassword) {
      writeHba(hba, "scram-sha-256");
    }
    int port = wanted != 0 ? wanted : freePort();
    long t0 = System.nanoTime();
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setDataDirectory(cluster)
        .setCleanDataDirectory(false)
        .setPort(port)
        // the server's startup check connects with these
        .setConnectConfig("password", password);
    if (!initialized) {
      // initdb's superuser password; zonky passes these entries to initdb as --key=value
      builder.setLocaleConfig("pwfile", secret.file().toString());
    }
    if (!givePassword) {
      builder.setServerConfig("hba_file", hba.toString());
    }
    for (Map.Entry<String, String> e : JournalServerSettings.embedded().entrySet()) {
      builder.setServerConfig(e.getKey(), e.getValue());
    }
    EmbeddedPostgres pg = builder.start();
    if (givePassword) {
      try {
        setPassword(pg, password);
      } catch (Exception e) {
        pg.close();
        throw e;
      }
      pg.close();
      writeHba(hba, "scram-sha-256");
      pg = builder.setServerConfig("hba_file", hba.toString()).start();
      log.info("the embedded journal server in {} has a password now (kept in {})", cluster, secret.file());
    }
    log.info("embedded PostgreSQL for the journal on 127.0.0.1:{} (data in {}) started in {} ms", port, cluster,
        (System.nanoTime() - t0) / 1_000_000);
    return new EmbeddedJournal(vertx, pg, dir, password, lock);
  }

  private static void setPassword(EmbeddedPostgres pg, String password) throws Exception {
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      // a utility statement takes no parameters; the password is hex, so it needs no escaping
      st.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
    }
  }

  /** Password-only access ({@code method}) over TCP on the loopback address and over the Unix socket. */
  private static void writeHba(Path file, String method) throws IOException {
    String rules = "# written by tierbus at every start of its embedded journal server: connections need the"
        + " password in the file 'password' beside this one\n"
        + "local all all " + method + "\n"
        + "host all all 127.0.0.1/32 " + method + "\n"
        + "host all all ::1/128 " + method + "\n";
    ServerPassword.writeOwnerOnly(file, rules);
  }

  /**
   * A node killed without shutting down (SIGKILL, a crash) leaves its embedded server running,
   * holding the data directory; it is stopped here (its clients died with the node), so this
   * start can take the directory over. Called with the directory's lock held, so the node that
   * started that server is not running any more.
   */
  private static void stopOrphan(Path cluster) throws Exception {
    Path pidFile = cluster.resolve("postmaster.pid");
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
    if (!command.contains("postgres") || !command.contains(cluster.toString())) {
      return; // the pid was reused by something else: the file is stale
    }
    log.warn("stopping the embedded journal server left running in {} by a node that did not shut down (pid {})",
        cluster, pid);
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

  /** {@code base} pointed at this server (host, port, user, password and database of the embedded server). */
  public JournalOptions connectOptions(JournalOptions base) {
    return base.copy()
        .setStore(JournalOptions.Store.POSTGRESQL)
        .setHost("127.0.0.1")
        .setPort(server.getPort())
        .setUser(USER)
        .setDatabase(DATABASE)
        .setPassword(password);
  }

  public int port() {
    return server.getPort();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Stops the server (a clean shutdown; the data stays) and gives up the directory. */
  public Future<Void> stop() {
    return vertx.executeBlocking(() -> {
      try {
        server.close();
      } finally {
        lock.release();
      }
      return null;
    }, false);
  }
}
