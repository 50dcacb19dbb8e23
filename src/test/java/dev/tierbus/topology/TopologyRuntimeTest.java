package dev.tierbus.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerState;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class TopologyRuntimeTest {

  @Test
  void deploysNestedContainersAndStopUndeploysThem(Vertx vertx, VertxTestContext ctx) {
    TopologyLoader.load(vertx, TestFiles.resource("design-ensemble.yaml"), TestTypes.registry())
        .compose(t -> TopologyRuntime.deploy(vertx, t, TestTypes.registry()))
        .onComplete(ctx.succeeding(runtime -> {
          ctx.verify(() -> {
            assertThat(runtime.containers()).containsOnlyKeys("momentum_ensemble", "momentum_fast", "momentum_slow",
                "mean_reversion", "data_container", "indicator_container");
            assertThat(runtime.containers().values()).allSatisfy(c -> assertThat(c.state()).isEqualTo(ContainerState.RUNNING));
            Container ensemble = runtime.containers().get("momentum_ensemble");
            assertThat(ensemble.children()).extracting(Container::id)
                .containsExactly("momentum_fast", "momentum_slow", "mean_reversion");
            assertThat(ensemble.children()).allSatisfy(c -> assertThat(c.parent()).isSameAs(ensemble));
            assertThat(runtime.containers().get("momentum_slow").params().getJsonObject("strategy")
                .getInteger("slow_period")).isEqualTo(50);
            assertThat(runtime.router().routes()).isNotEmpty();
            assertThat(vertx.deploymentIDs()).hasSize(6);
          });
          runtime.stop().onComplete(ctx.succeeding(v -> ctx.verify(() -> {
            assertThat(runtime.containers().values())
                .allSatisfy(c -> assertThat(c.state()).isEqualTo(ContainerState.STOPPED));
            assertThat(vertx.deploymentIDs()).isEmpty();
            assertThat(runtime.stop()).isSameAs(runtime.stop());
            ctx.completeNow();
          })));
        }));
  }

  @Test
  void subscriptionsFromTheFileReachTheRouter(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    String file = TestFiles.write(dir, """
        source:
          container_type: signal_source
          external_events:
            publishes: [{events: [SIGNAL]}]
        sink:
          container_type: data
          external_events:
            subscribes:
              - {source: source, events: [SIGNAL], tier: standard, filters: {symbols: [AAPL]}}
        other:
          container_type: data
          external_events:
            subscribes:
              - {source: source, events: [SIGNAL], filters: {symbols: [MSFT]}}
        """);
    TopologyLoader.load(vertx, file, TestTypes.registry())
        .compose(t -> TopologyRuntime.deploy(vertx, t, TestTypes.registry()))
        .onComplete(ctx.succeeding(runtime -> {
          Container sink = runtime.containers().get("sink");
          vertx.setPeriodic(10, id -> {
            if (sink.eventsIn() == 1) {
              vertx.cancelTimer(id);
              ctx.verify(() -> assertThat(runtime.containers().get("other").eventsIn()).isZero());
              runtime.stop().onComplete(ctx.succeedingThenComplete());
            }
          });
        }));
  }

  @Test
  void aFailedDeploymentLeavesNothingRunning(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    String file = TestFiles.write(dir, """
        a: {container_type: data}
        b:
          container_type: strategy_ensemble
          sub_containers:
            - {container_type: data, container_id: b1}
            - {container_type: failing, container_id: b2}
        c: {container_type: data}
        """);
    TopologyLoader.load(vertx, file, TestTypes.registry())
        .compose(t -> TopologyRuntime.deploy(vertx, t, TestTypes.registry()))
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertThat(e).hasMessage("cannot start b2");
          assertThat(vertx.deploymentIDs()).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  void deployNodeRunsOnlyItsContainers(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    String file = TestFiles.write(dir, """
        a: {container_type: data}
        b: {container_type: data}
        deployment:
          mode: distributed
          nodes: [{name: one, containers: [a]}, {name: two, containers: [b]}]
        """);
    TopologyLoader.load(vertx, file, TestTypes.registry())
        .compose(t -> TopologyRuntime.deployNode(vertx, t, "two", TestTypes.registry()))
        .onComplete(ctx.succeeding(runtime -> ctx.verify(() -> {
          assertThat(runtime.containers()).containsOnlyKeys("b");
          runtime.stop().onComplete(ctx.succeedingThenComplete());
        })));
  }
}
