package dev.tierbus.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.container.ContainerState;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Signal;
import dev.tierbus.journal.JournalOptions;
import dev.tierbus.router.Subscription;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The topologies the project ships (the default {@code verticles.yaml} and {@code examples/})
 * validate with the built-in container types, deploy whole, and produce signals end to end.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class ShippedTopologiesTest {

  @org.junit.jupiter.api.Test
  void theRouterPerformanceBlockSetsTheMetricsLogInterval(Vertx vertx, VertxTestContext ctx) {
    TopologyLoader.load(vertx, "examples/router_performance.yaml", ContainerRegistry.withDefaults())
        .onComplete(ctx.succeeding(t -> ctx.verify(() -> {
          assertThat(TopologyRuntime.performanceLogIntervalSec(t)).isEqualTo(60);
          assertThat(t.warnings()).noneMatch(w -> w.startsWith("event_router.global_settings.monitoring"));
          assertThat(t.routerOptions().getFast().getBatchSize()).isEqualTo(1000);
          assertThat(t.routerOptions().getStandard().getMaxConcurrentDeliveries()).isEqualTo(50);
          ctx.completeNow();
        })));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "verticles.yaml,                         ensemble,          13",
      "examples/multi_strategy_ensemble.yaml,  momentum_ensemble, 7",
      "examples/router_performance.yaml,       momentum_strategy, 5"})
  void deploysAndProducesSignals(String file, String signalSource, int containers, Vertx vertx, VertxTestContext ctx) {
    List<Event> signals = new CopyOnWriteArrayList<>();
    TopologyLoader.load(vertx, file, ContainerRegistry.withDefaults())
        .compose(topology -> TopologyRuntime.deploy(vertx, topology, ContainerRegistry.withDefaults(),
            new JournalOptions().setStore(JournalOptions.Store.MEMORY)))
        .onComplete(ctx.succeeding(runtime -> {
          ctx.verify(() -> {
            assertThat(runtime.containers()).hasSize(containers);
            assertThat(runtime.containers().values()).allMatch(c -> c.state() == ContainerState.RUNNING);
          });
          runtime.router().subscribe(Subscription.of("probe", signalSource, EventType.SIGNAL), signals::add)
              .onComplete(ctx.succeeding(h -> vertx.setPeriodic(50, id -> {
                if (signals.size() >= 6) {
                  vertx.cancelTimer(id);
                  ctx.verify(() -> {
                    assertThat(signals).allSatisfy(e -> {
                      assertThat(e.source()).isEqualTo(signalSource);
                      assertThat(e.payload()).isInstanceOf(Signal.class);
                      assertThat(e.symbol()).isNotNull();
                    });
                    assertThat(runtime.router().metrics().fast().delivered()).isPositive();
                    assertThat(runtime.router().metrics().standard().delivered()).isPositive();
                    assertThat(runtime.router().metrics().fast().dropped()).isZero();
                    assertThat(runtime.router().metrics().standard().rejected()).isZero();
                  });
                  runtime.stop().onComplete(ctx.succeeding(v -> ctx.verify(() -> {
                    assertThat(runtime.containers().values()).allMatch(c -> c.state() == ContainerState.STOPPED);
                    ctx.completeNow();
                  })));
                }
              })));
        }));
  }

  /** The default topology trades: orders and fills travel through the reliable tier within seconds. */
  @org.junit.jupiter.api.Test
  void theDefaultTopologyTradesWithinSeconds(Vertx vertx, VertxTestContext ctx) {
    List<Event> orders = new CopyOnWriteArrayList<>();
    List<Event> fills = new CopyOnWriteArrayList<>();
    TopologyLoader.load(vertx, "verticles.yaml", ContainerRegistry.withDefaults())
        .compose(topology -> TopologyRuntime.deploy(vertx, topology, ContainerRegistry.withDefaults(),
            new JournalOptions().setStore(JournalOptions.Store.MEMORY)))
        .onComplete(ctx.succeeding(runtime -> runtime.router()
            .subscribe(Subscription.of("probe-orders", "risk", EventType.ORDER), orders::add)
            .compose(h -> runtime.router().subscribe(Subscription.of("probe-fills", "execution", EventType.FILL),
                fills::add))
            .onComplete(ctx.succeeding(h -> vertx.setPeriodic(50, id -> {
              if (!fills.isEmpty()) {
                vertx.cancelTimer(id);
                ctx.verify(() -> {
                  assertThat(orders).isNotEmpty();
                  assertThat(fills.get(0).payload()).isInstanceOf(dev.tierbus.event.Fill.class);
                  assertThat(runtime.router().metrics().reliable().delivered()).isPositive();
                });
                runtime.stop().onComplete(ctx.succeedingThenComplete());
              }
            })))));
  }
}
