package dev.tierbus.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.ContainerSpec;
import dev.tierbus.container.Threading;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Tier;
import dev.tierbus.router.Filter;
import dev.tierbus.router.Publication;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.Scope;
import dev.tierbus.router.Subscription;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class TopologyValidatorTest {

  @Test
  void nestedSubContainersBecomeNestedSpecsWithTheirParams(Vertx vertx, VertxTestContext ctx) {
    TopologyLoader.load(vertx, TestFiles.resource("nested.yaml"), TestTypes.registry())
        .onComplete(ctx.succeeding(t -> ctx.verify(() -> {
          assertThat(t.containers()).extracting(ContainerSpec::id).containsExactly("data_container", "ensemble");

          ContainerSpec data = t.container("data_container").orElseThrow();
          assertThat(data.type()).isEqualTo("data");
          assertThat(data.threading()).isEqualTo(Threading.EVENT_LOOP);
          assertThat(data.params()).isEqualTo(new JsonObject()
              .put("symbols", new io.vertx.core.json.JsonArray().add("AAPL").add("MSFT"))
              .put("source_file", "bars.csv"));
          assertThat(data.publications()).containsExactly(
              new Publication(Set.of(EventType.BAR, EventType.TICK), Tier.FAST, Scope.GLOBAL, "best_effort"));

          ContainerSpec ensemble = t.containers().get(1);
          assertThat(ensemble.children()).extracting(ContainerSpec::id).containsExactly("fast", "slow");
          assertThat(ensemble.publications()).containsExactly(
              new Publication(Set.of(EventType.SIGNAL), null, Scope.PARENT, "guaranteed"));
          assertThat(ensemble.internalEvents().getJsonObject("aggregation").getString("method"))
              .isEqualTo("weighted_voting");
          assertThat(ensemble.subscriptions()).containsExactly(
              new Subscription("ensemble", "data_container", Set.of(EventType.BAR),
                  Filter.symbols("AAPL").withTimeframes("1min"), Tier.FAST),
              new Subscription("ensemble", null, Set.of(EventType.INDICATOR, EventType.REGIME_CHANGE),
                  new Filter(null, Set.of("RSI", "MACD"), null, Set.of("bull")), null));

          ContainerSpec slow = ensemble.children().get(1);
          assertThat(slow.threading()).isEqualTo(Threading.WORKER);
          assertThat(slow.params().getDouble("weight")).isEqualTo(0.4);
          assertThat(slow.params().getJsonObject("strategy"))
              .isEqualTo(new JsonObject().put("type", "momentum").put("fast_period", 20));
          assertThat(slow.children()).singleElement().satisfies(rsi -> {
            assertThat(rsi.id()).isEqualTo("slow_rsi");
            assertThat(rsi.params().getInteger("period")).isEqualTo(14);
          });

          assertThat(t.allContainers()).containsOnlyKeys("data_container", "ensemble", "fast", "slow", "slow_rsi");
          assertThat(t.parentId("slow_rsi")).contains("slow");
          assertThat(t.parentId("ensemble")).isEmpty();
          assertThat(t.nodeNames()).containsExactly("main");
          assertThat(t.containersForNode("main")).hasSize(2);
          assertThat(t.deployment().getInteger("worker_pool_size")).isEqualTo(8);
          assertThat(t.routerId()).isEqualTo(TopologyValidator.DEFAULT_ROUTER_ID);
          assertThat(t.warnings()).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  void designDocumentEnsembleBlockValidates(Vertx vertx, VertxTestContext ctx) {
    TopologyLoader.load(vertx, TestFiles.resource("design-ensemble.yaml"), TestTypes.registry())
        .onComplete(ctx.succeeding(t -> ctx.verify(() -> {
          assertThat(t.containers()).extracting(ContainerSpec::id)
              .containsExactly("momentum_ensemble", "data_container", "indicator_container");
          ContainerSpec ensemble = t.containers().get(0);
          assertThat(ensemble.type()).isEqualTo("strategy_ensemble");
          assertThat(ensemble.publications()).containsExactly(
              new Publication(Set.of(EventType.SIGNAL), Tier.STANDARD, Scope.PARENT, "guaranteed"));
          assertThat(ensemble.subscriptions()).containsExactly(
              new Subscription("momentum_ensemble", "data_container", Set.of(EventType.BAR),
                  Filter.symbols("AAPL", "GOOGL", "MSFT").withTimeframes("1min", "5min"), Tier.FAST),
              new Subscription("momentum_ensemble", "indicator_container", Set.of(EventType.INDICATOR),
                  Filter.symbols("AAPL", "GOOGL", "MSFT").withIndicatorTypes("RSI", "MACD", "BOLLINGER"),
                  Tier.STANDARD));
          assertThat(ensemble.children()).extracting(ContainerSpec::id)
              .containsExactly("momentum_fast", "momentum_slow", "mean_reversion");
          assertThat(ensemble.children().get(2).params().getJsonObject("strategy"))
              .isEqualTo(new JsonObject().put("type", "mean_reversion").put("lookback_period", 20)
                  .put("std_threshold", 2.0));
          assertThat(ensemble.internalEvents().getJsonObject("aggregation").getJsonObject("coordination")
              .getInteger("timeout_ms")).isEqualTo(100);
          assertThat(t.warnings()).containsExactly("strategy_ensemble_container.optimization: accepted, no effect:"
              + " internal events are direct calls and local-bus messages; external subscriptions are compiled once");
          ctx.completeNow();
        })));
  }

  @Test
  void designDocumentRouterBlockLandsInRouterOptions(Vertx vertx, VertxTestContext ctx) {
    TopologyLoader.load(vertx, TestFiles.resource("design-router.yaml"), TestTypes.registry())
        .onComplete(ctx.succeeding(t -> ctx.verify(() -> {
          RouterOptions o = t.routerOptions();
          assertThat(o.getFast().getBatchSize()).isEqualTo(1000);
          assertThat(o.getFast().getMaxBatchAgeMs()).isEqualTo(1);
          assertThat(o.getStandard().getQueueSize()).isEqualTo(10_000);
          assertThat(o.getStandard().getMaxConcurrentDeliveries()).isEqualTo(50);
          assertThat(o.getStandard().getDrainBatchSize()).isEqualTo(100);
          assertThat(o.getReliable().getRetryAttempts()).isEqualTo(3);
          assertThat(o.getReliable().getBaseDelayMs()).isEqualTo(1000);
          assertThat(o.getReliable().getMaxDelayMs()).isEqualTo(30_000);
          assertThat(o.getReliable().getBackoffMultiplier()).isEqualTo(2.0);
          assertThat(o.tierOf(EventType.REGIME_CHANGE)).isEqualTo(Tier.STANDARD);
          assertThat(o.getTierOverrides()).containsEntry(EventType.REGIME_CHANGE, Tier.STANDARD)
              .containsEntry(EventType.BOOK_UPDATE, Tier.FAST)
              .containsEntry(EventType.RISK_ALERT, Tier.RELIABLE)
              .hasSize(13);
          assertThat(t.routerId()).isEqualTo("central_event_router");
          assertThat(t.eventRouter().getJsonObject("global_settings").getJsonObject("health_checks")
              .getInteger("check_interval_ms")).isEqualTo(1000);
          assertThat(t.warnings()).contains(
              "event_router.tiers.fast.optimizations.batching.zero_copy_delivery: accepted, no effect:"
                  + " in-JVM fast batches are always passed by reference; across nodes they are one binary message",
              "event_router.tiers.reliable.optimizations.persistence.storage_type: accepted, no effect:"
                  + " the journal uses PostgreSQL",
              "the topology declares no containers");
          assertThat(t.warnings()).anyMatch(w -> w.startsWith("event_router.tiers.fast.optimizations.memory: "));
          assertThat(t.warnings()).anyMatch(w -> w.startsWith("event_router.tiers.fast.optimizations.threading: "));
          assertThat(t.warnings()).anyMatch(w -> w.startsWith("event_router.global_settings.debugging: "));
          assertThat(t.warnings()).noneMatch(w -> w.contains("health_checks"));
          ctx.completeNow();
        })));
  }

  @Test
  void routerOptionsAreACopyEachTime(Vertx vertx, VertxTestContext ctx) {
    TopologyLoader.load(vertx, TestFiles.resource("design-router.yaml"), TestTypes.registry())
        .onComplete(ctx.succeeding(t -> ctx.verify(() -> {
          t.routerOptions().getFast().setBatchSize(7);
          assertThat(t.routerOptions().getFast().getBatchSize()).isEqualTo(1000);
          ctx.completeNow();
        })));
  }

  @Test
  void filtersTakeAStringOrAList(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    String file = TestFiles.write(dir, """
        data: {container_type: data}
        s:
          container_type: data
          external_events:
            subscribes:
              - source: data
                events: [BAR]
                filters: {symbols: AAPL, timeframe: [1min, 5min], types: RSI, regime: [bull, bear]}
        """);
    TestFiles.check(vertx, file).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertThat(r.problems()).isEmpty();
      Filter f = r.topology().container("s").orElseThrow().subscriptions().get(0).filter();
      assertThat(f).isEqualTo(new Filter(Set.of("AAPL"), Set.of("RSI"), Set.of("1min", "5min"), Set.of("bull", "bear")));
      ctx.completeNow();
    })));
  }

  @Test
  void nodesWithoutDeclarationRunEverything(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    String file = TestFiles.write(dir, """
        a: {container_type: data}
        containers:
          - {container_type: indicator, container_id: b}
        """);
    TestFiles.check(vertx, file).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertThat(r.ok()).isTrue();
      assertThat(r.topology().containersForNode("anything")).extracting(ContainerSpec::id).containsExactly("a", "b");
      assertThat(r.topology().deployment().getString("mode")).isEqualTo("single_process");
      ctx.completeNow();
    })));
  }

  @Test
  void distributedNodesSplitTheTopLevelContainers(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    String file = TestFiles.write(dir, """
        a: {container_type: data}
        b: {container_type: indicator}
        c: {container_type: data}
        deployment:
          mode: distributed
          nodes:
            - {name: one, containers: [a, c]}
            - {name: two, containers: [b]}
        """);
    TestFiles.check(vertx, file).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertThat(r.problems()).isEmpty();
      Topology t = r.topology();
      assertThat(t.containersForNode("one")).extracting(ContainerSpec::id).containsExactly("a", "c");
      assertThat(t.containersForNode("two")).extracting(ContainerSpec::id).containsExactly("b");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.containersForNode("three"))
          .hasMessageContaining("unknown node 'three'");
      ctx.completeNow();
    })));
  }

  @Test
  void anchorsLiveUnderXKeysAndMergeIntoEntries(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    String file = TestFiles.write(dir, """
        x-strategy: &strategy
          container_type: strategy
          strategy: {type: momentum, fast_period: 10}
        containers:
          - <<: *strategy
            container_id: a
          - <<: *strategy
            container_id: b
            strategy: {type: momentum, fast_period: 20}
        """);
    TestFiles.check(vertx, file).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertThat(r.problems()).isEmpty();
      assertThat(r.topology().allContainers()).containsOnlyKeys("a", "b");
      assertThat(r.topology().container("b").orElseThrow().params().getJsonObject("strategy").getInteger("fast_period"))
          .isEqualTo(20);
      ctx.completeNow();
    })));
  }

  @Test
  void reservedSectionsAreKept(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    String file = TestFiles.write(dir, """
        journal: {url: "postgresql://localhost/test"}
        http: {port: 8080}
        a: {container_type: data}
        """);
    TestFiles.check(vertx, file).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertThat(r.problems()).isEmpty();
      assertThat(r.topology().journal().getString("url")).isEqualTo("postgresql://localhost/test");
      assertThat(r.topology().http().getInteger("port")).isEqualTo(8080);
      ctx.completeNow();
    })));
  }
}
