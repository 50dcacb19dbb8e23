package dev.tierbus.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.SqlConnection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A load-test case that hangs or fails is reported as failed within its deadline; it never holds the run. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CaseRunnerTest {

  private static final Budget TINY = new Budget(true, 10, 10);

  private static LoadCase named(String name, Budget b, ThrowingRun body) {
    return new LoadCase() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return name;
      }

      @Override
      public CaseResult run(Budget budget) throws Exception {
        return body.run();
      }
    };
  }

  interface ThrowingRun {
    CaseResult run() throws Exception;
  }

  @Test
  void aCaseThatNeverEndsFailsAtItsDeadline() {
    CountDownLatch never = new CountDownLatch(1);
    LoadCase hangs = named("hangs", TINY, () -> {
      never.await();
      return null;
    });
    long t0 = System.nanoTime();
    CaseRunner.Outcome outcome = CaseRunner.run(hangs, TINY, 1_500);
    long tookMs = (System.nanoTime() - t0) / 1_000_000;
    assertThat(tookMs).isBetween(1_400L, 10_000L);
    assertThat(outcome.hung()).isTrue();
    assertThat(outcome.failed()).isTrue();
    assertThat(outcome.result().extra().getString("error")).contains("did not finish within its deadline of 1 s");
    assertThat(outcome.result().extra().getString("case_thread")).contains("CountDownLatch.await");
  }

  @Test
  void aCaseThatThrowsFailsAndTheRunGoesOn() {
    CaseRunner.Outcome outcome = CaseRunner.run(named("throws", TINY, () -> {
      throw new IllegalStateException("the journal is unreachable");
    }), TINY, 10_000);
    assertThat(outcome.hung()).isFalse();
    assertThat(outcome.failed()).isTrue();
    assertThat(outcome.result().extra().getString("error")).contains("the journal is unreachable");
  }

  /** Needs PostgreSQL on 127.0.0.1:5432 (database test, user postgres), as the reliable cases do. */
  @Test
  void aDropSchemaThatWaitsOnALockFailsInsteadOfWaiting() throws Exception {
    Vertx vertx = Vertx.vertx();
    String schema = BenchDatabase.freshSchema();
    BenchDatabase db = new BenchDatabase(vertx, 5_000, 1_000);
    SqlConnection holder = Await.result(PgConnection.connect(vertx, new PgConnectOptions()
        .setHost(BenchDatabase.HOST).setPort(BenchDatabase.PORT).setDatabase(BenchDatabase.DATABASE)
        .setUser(BenchDatabase.USER)));
    try {
      db.execute("CREATE SCHEMA " + schema);
      db.execute("CREATE TABLE " + schema + ".delivery (id bigint)");
      // another session holds the table, as a journal connection left open would
      Await.result(holder.query("BEGIN").execute());
      Await.result(holder.query("LOCK TABLE " + schema + ".delivery IN ACCESS SHARE MODE").execute());

      long t0 = System.nanoTime();
      Exception failed = null;
      try {
        db.dropSchemas(schema);
      } catch (Exception e) {
        failed = e;
      }
      long tookMs = (System.nanoTime() - t0) / 1_000_000;
      assertThat(failed).isNotNull().hasMessageContaining("could not drop schema " + schema)
          .hasMessageContaining("lock timeout");
      assertThat(tookMs).isLessThan(10_000);
    } finally {
      Await.result(holder.query("ROLLBACK").execute());
      Await.result(holder.close());
      db.dropSchemas(schema);
      db.close();
      Await.result(vertx.close());
    }
  }
}
