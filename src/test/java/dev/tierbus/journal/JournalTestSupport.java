package dev.tierbus.journal;

import dev.tierbus.testing.Conditions;
import static org.assertj.core.api.Assertions.fail;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The PostgreSQL the reliable-tier tests run against: 127.0.0.1:5432, database {@code test},
 * user {@code postgres}, trust auth (what {@code .ci/run} sets up). Each test gets a schema of
 * its own, dropped afterwards.
 */
public final class JournalTestSupport {

  public static final String HOST = "127.0.0.1";
  public static final int PORT = 5432;
  public static final String DATABASE = "test";
  public static final String USER = "postgres";

  private JournalTestSupport() {}

  /**
   * Journal options on the test server with a fresh schema and node id. Delivered rows are
   * kept for a day (by default a confirmation deletes its row), so that a test can see them.
   */
  public static JournalOptions freshJournal(String name) {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    return new JournalOptions()
        .setRetentionMs(86_400_000L)
        .setHost(HOST)
        .setPort(PORT)
        .setDatabase(DATABASE)
        .setUser(USER)
        .setSchema("t_" + name + "_" + suffix)
        .setNodeId("node-" + suffix)
        .setReconnectIntervalMs(100);
  }

  /** A pool on the test server for assertions. */
  public static Pool sql(Vertx vertx) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(2))
        .connectingTo(new PgConnectOptions().setHost(HOST).setPort(PORT).setDatabase(DATABASE).setUser(USER))
        .using(vertx)
        .build();
  }

  /** Fails the test, saying what is missing, when the tier could not open its journal. */
  public static ReliableTier requireReachable(ReliableTier tier) {
    JournalStatus status = tier.status();
    if (!status.reachable()) {
      fail("the reliable-tier tests need PostgreSQL on " + HOST + ":" + PORT + " (database " + DATABASE + ", user "
          + USER + ", trust auth from 127.0.0.1; .ci/run sets it up): " + status.lastError());
    }
    return tier;
  }

  public static <T> T await(Future<T> future) {
    return await(future, Duration.ofSeconds(30));
  }

  public static <T> T await(Future<T> future, Duration timeout) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError("failed: " + e.getCause(), e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("not completed within " + timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
  }

  /** Waits until {@code condition} holds, failing after {@code timeout}. */
  public static void eventually(Duration timeout, BooleanSupplier condition, String what) {
    Conditions.waitUntil(condition, timeout, () -> "within " + timeout.toMillis() + " ms: " + what);
  }

  /** Rows of a query as lists of column values. */
  public static List<List<Object>> rows(Pool pool, String sql, Object... params) {
    List<List<Object>> out = new ArrayList<>();
    for (Row r : await(pool.preparedQuery(sql).execute(Tuple.wrap(params)))) {
      List<Object> row = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        row.add(r.getValue(i));
      }
      out.add(row);
    }
    return out;
  }

  public static long count(Pool pool, String sql, Object... params) {
    return ((Number) rows(pool, sql, params).get(0).get(0)).longValue();
  }

  public static void dropSchema(Pool pool, JournalOptions journal) {
    await(pool.query("DROP SCHEMA IF EXISTS " + journal.getSchema() + " CASCADE").execute());
  }
}
