package dev.tierbus.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.config.Problem;
import dev.tierbus.journal.JournalOptions;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The {@code journal} section and the reliable tier's router keys, good and bad. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class JournalSectionTest {

  @TempDir
  Path dir;

  private static final String CONTAINER = "a: {container_type: data, source: synthetic, symbols: [X]}\n";

  @Test
  void aGoodSectionBecomesJournalOptions(Vertx vertx, VertxTestContext ctx) {
    String yaml = CONTAINER + """
        journal:
          url: "postgresql://trader:s%40cret@db.example:6543/markets"
          schema: prod_journal
          pool_size: 8
          node_id: node-1
          lease_ms: 15000
          retention_ms: 3600000
        event_router:
          tiers:
            reliable:
              guarantees: {retry_attempts: 5}
              optimizations:
                retry: {base_delay_ms: 200, max_delay_ms: 5000, backoff_multiplier: 3.0}
                persistence: {commit_batch_rows: 1000, max_concurrent_commits: 3}
                delivery: {timeout_ms: 2500, batch_size: 64, max_in_flight: 5000}
        """;
    TestFiles.check(vertx, TestFiles.write(dir, yaml)).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertThat(r.problems()).isEmpty();
      JournalOptions j = JournalOptions.fromJson(r.topology().journal());
      assertThat(j.getHost()).isEqualTo("db.example");
      assertThat(j.getPort()).isEqualTo(6543);
      assertThat(j.getDatabase()).isEqualTo("markets");
      assertThat(j.getUser()).isEqualTo("trader");
      assertThat(j.getPassword()).isEqualTo("s@cret");
      assertThat(j.getSchema()).isEqualTo("prod_journal");
      assertThat(j.getPoolSize()).isEqualTo(8);
      assertThat(j.getNodeId()).isEqualTo("node-1");
      assertThat(j.isConfigured()).isTrue();
      assertThat(j.describe()).doesNotContain("s@cret").contains("trader@db.example:6543/markets");
      var reliable = r.topology().routerOptions().getReliable();
      assertThat(reliable.getRetryAttempts()).isEqualTo(5);
      assertThat(reliable.delayBeforeRetry(1)).isEqualTo(200);
      assertThat(reliable.delayBeforeRetry(2)).isEqualTo(600);
      assertThat(reliable.delayBeforeRetry(5)).isEqualTo(5000);
      assertThat(reliable.getCommitBatchRows()).isEqualTo(1000);
      assertThat(reliable.getMaxConcurrentCommits()).isEqualTo(3);
      assertThat(reliable.getDeliveryTimeoutMs()).isEqualTo(2500);
      assertThat(reliable.getDeliveryBatchSize()).isEqualTo(64);
      assertThat(reliable.getMaxInFlight()).isEqualTo(5000);
      ctx.completeNow();
    })));
  }

  @Test
  void badKeysAndValuesAreNamedByTheirPath(Vertx vertx, VertxTestContext ctx) {
    String yaml = CONTAINER + """
        journal:
          url: "mysql://db/x"
          schema: "Bad-Name"
          pool_size: 1
          store: disk
          prot: 5432
        event_router:
          tiers:
            reliable:
              optimizations:
                delivery: {timeout_ms: 0, batch_size: "many"}
        """;
    TestFiles.check(vertx, TestFiles.write(dir, yaml)).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertThat(r.ok()).isFalse();
      assertThat(r.problems()).extracting(Problem::path).contains(
          "journal.url", "journal.schema", "journal.pool_size", "journal.store", "journal.prot",
          "event_router.tiers.reliable.optimizations.delivery.timeout_ms",
          "event_router.tiers.reliable.optimizations.delivery.batch_size");
      assertThat(r.problems()).filteredOn(p -> p.path().equals("journal.url")).singleElement()
          .satisfies(p -> assertThat(p.message()).contains("must start with postgresql://"));
      assertThat(r.problems()).filteredOn(p -> p.path().equals("journal.store")).singleElement()
          .satisfies(p -> assertThat(p.message()).contains("expected postgresql or memory"));
      ctx.completeNow();
    })));
  }

  @Test
  void urlAndHostTogetherAreRefused(Vertx vertx, VertxTestContext ctx) {
    String yaml = CONTAINER + "journal: {url: \"postgresql://a/b\", host: c}\n";
    TestFiles.check(vertx, TestFiles.write(dir, yaml)).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertThat(r.problems()).extracting(Problem::path).containsExactly("journal.host");
      ctx.completeNow();
    })));
  }
}
