package dev.tierbus.loadtest;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL the reliable-tier cases journal in (127.0.0.1:5432, database {@code test},
 * user {@code postgres}): fresh schema names, the server's WAL and checkpoint counters, and
 * the bounded drop of a case's schemas.
 *
 * <p>Every statement is bounded: the connection's {@code statement_timeout} and
 * {@code lock_timeout} make a statement that waits on a lock or runs long fail instead of
 * holding the case (a {@code DROP SCHEMA} waiting on a lock once kept a case running
 * forever), and each wait here has a deadline of its own on top.
 */
final class BenchDatabase implements AutoCloseable {

  static final String HOST = "127.0.0.1";
  static final int PORT = 5432;
  static final String DATABASE = "test";
  static final String USER = "postgres";
  /** Longest a statement of the harness may run (or wait for a lock) before it fails. */
  static final long STATEMENT_TIMEOUT_MS = Long.getLong("bench.statement_timeout_ms", 20_000);
  static final long LOCK_TIMEOUT_MS = Long.getLong("bench.lock_timeout_ms", 10_000);

  private final Pool pool;

  private final long statementTimeoutMs;

  BenchDatabase(Vertx vertx) {
    this(vertx, STATEMENT_TIMEOUT_MS, LOCK_TIMEOUT_MS);
  }

  BenchDatabase(Vertx vertx, long statementTimeoutMs, long lockTimeoutMs) {
    this(vertx, new PgConnectOptions().setHost(HOST).setPort(PORT).setDatabase(DATABASE).setUser(USER),
        statementTimeoutMs, lockTimeoutMs);
  }

  /** On another server (the embedded journal server of a case). */
  BenchDatabase(Vertx vertx, PgConnectOptions connect) {
    this(vertx, connect, STATEMENT_TIMEOUT_MS, LOCK_TIMEOUT_MS);
  }

  private BenchDatabase(Vertx vertx, PgConnectOptions connect, long statementTimeoutMs, long lockTimeoutMs) {
    this.statementTimeoutMs = statementTimeoutMs;
    connect.setProperties(java.util.Map.of("application_name", "tierbus-load-tests",
        "statement_timeout", Long.toString(statementTimeoutMs), "lock_timeout", Long.toString(lockTimeoutMs)));
    this.pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2).setConnectionTimeout(5)
        .setConnectionTimeoutUnit(TimeUnit.SECONDS)).connectingTo(connect).using(vertx).build();
  }

  /** A schema name no other run uses. */
  static String freshSchema() {
    return "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** Runs {@code sql}, waiting at most the statement timeout and a little more. */
  void execute(String sql) throws Exception {
    Await.result(pool.query(sql).execute().mapEmpty(), statementTimeoutMs / 1000 + 5);
  }

  /**
   * Drops the schemas; throws (naming what is left behind) when that cannot be done in time,
   * so that the case fails instead of waiting.
   */
  void dropSchemas(String... schemas) throws Exception {
    Exception first = null;
    for (String s : schemas) {
      try {
        execute("DROP SCHEMA IF EXISTS " + s + " CASCADE");
      } catch (Exception e) {
        Exception named = new IllegalStateException("could not drop schema " + s + " of database " + DATABASE
            + " (left behind; drop it by hand): " + e, e);
        if (first == null) {
          first = named;
        } else {
          first.addSuppressed(named);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** The server's WAL and checkpoint counters now ({@code pg_stat_wal}, {@code pg_stat_bgwriter}). */
  WalCounters walCounters() throws Exception {
    Row r = Await.result(pool.query("SELECT w.wal_records, w.wal_fpi, w.wal_bytes::bigint, w.wal_sync,"
        + " b.checkpoints_timed + b.checkpoints_req, pg_current_wal_lsn() - '0/0'::pg_lsn"
        + " FROM pg_stat_wal w, pg_stat_bgwriter b").execute(), 10).iterator().next();
    return new WalCounters(r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4),
        r.getNumeric(5).longValue(), System.nanoTime());
  }

  /** The values of server settings, for the report. */
  JsonObject settings(String... names) throws Exception {
    JsonObject out = new JsonObject();
    for (Row r : Await.result(pool.query("SELECT name, setting || coalesce(unit, '') FROM pg_settings WHERE name IN ('"
        + String.join("', '", names) + "') ORDER BY name").execute(), 10)) {
      out.put(r.getString(0), r.getString(1));
    }
    return out;
  }

  @Override
  public void close() throws Exception {
    Await.result(pool.close(), 10);
  }

  /** A reading of the server's WAL counters; two readings give the WAL written in between. */
  record WalCounters(long records, long fpi, long bytes, long syncs, long checkpoints, long lsn, long atNanos) {

    /** What was written between {@code before} and this reading, per event when {@code events > 0}. */
    JsonObject since(WalCounters before, long events) {
      double n = Math.max(1, events);
      return new JsonObject()
          .put("wal_bytes", bytes - before.bytes)
          .put("wal_bytes_per_event", CaseResult.round1((bytes - before.bytes) / n))
          .put("wal_records_per_event", CaseResult.round3((records - before.records) / n))
          .put("wal_fpi", fpi - before.fpi)
          .put("wal_fpi_per_1k_events", CaseResult.round3((fpi - before.fpi) * 1000.0 / n))
          .put("wal_syncs", syncs - before.syncs)
          .put("checkpoints", checkpoints - before.checkpoints);
    }
  }
}
