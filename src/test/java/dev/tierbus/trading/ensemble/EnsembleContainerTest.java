package dev.tierbus.trading.ensemble;

import static dev.tierbus.trading.TradingTestSupport.barEvent;
import static dev.tierbus.trading.TradingTestSupport.eventually;
import static dev.tierbus.trading.TradingTestSupport.sleep;
import static dev.tierbus.trading.TradingTestSupport.shutDown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tierbus.container.ContainerDeployer;
import dev.tierbus.container.ContainerDeployer.ContainerDeployment;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.event.Direction;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Signal;
import dev.tierbus.event.Tier;
import dev.tierbus.router.Publication;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.Scope;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.TieredEventRouter;
import dev.tierbus.trading.TradingContainers;
import dev.tierbus.trading.data.SyntheticFeedContainer;
import dev.tierbus.trading.strategy.StrategyContainer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ensemble under a real router and deployer, with the design document's settings. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class EnsembleContainerTest {

  private static final String ENSEMBLE = "momentum_ensemble";

  /** The built-in types plus {@code fixed}: a strategy that always says {@code direction, strength}, or nothing. */
  private static ContainerRegistry registry() {
    return TradingContainers.registry().register("fixed", spec -> {
      JsonObject p = spec.params();
      if (!p.containsKey("direction")) {
        return new StrategyContainer((bar, symbol) -> null);
      }
      Direction d = Direction.valueOf(p.getString("direction"));
      double strength = p.getDouble("strength");
      return new StrategyContainer((bar, symbol) -> new Signal(d, strength, "fixed", null));
    });
  }

  private static ContainerSpec fixed(String id, Direction d, double strength) {
    return ContainerSpec.of(id, "fixed").withParams(new JsonObject().put("direction", d.name()).put("strength", strength));
  }

  private static ContainerSpec silent(String id) {
    return ContainerSpec.of(id, "fixed");
  }

  /** The design document's ensemble entry with the given method and coordination. */
  private static ContainerSpec ensemble(String method, long timeoutMs, boolean requireAll, ContainerSpec... children) {
    JsonObject internalEvents = new JsonObject().put("aggregation", new JsonObject()
        .put("method", method)
        .put("weights", new JsonObject().put("momentum_fast", 0.4).put("momentum_slow", 0.3).put("mean_reversion", 0.3))
        .put("coordination", new JsonObject()
            .put("pattern", "collect_and_aggregate")
            .put("timeout_ms", timeoutMs)
            .put("require_all_signals", requireAll)));
    return ContainerSpec.of(ENSEMBLE, TradingContainers.STRATEGY_ENSEMBLE)
        .withPublications(List.of(new Publication(Set.of(EventType.SIGNAL), Tier.STANDARD, Scope.PARENT, "guaranteed")))
        .withSubscriptions(List.of(Subscription.of(ENSEMBLE, "data_container", EventType.BAR)))
        .withInternalEvents(internalEvents)
        .withChildren(List.of(children));
  }

  /** Subscribes a probe to the ensemble's signals, deploys, then runs {@code scenario}. */
  private static Future<ContainerDeployment> run(Vertx vertx, TieredEventRouter router, List<Event> signals,
      List<ContainerSpec> specs, Function<ContainerDeployment, Future<?>> scenario) {
    return router.subscribe(Subscription.of("probe", ENSEMBLE, EventType.SIGNAL), signals::add)
        .compose(h -> new ContainerDeployer(vertx, router, registry()).deploy(specs))
        .compose(d -> scenario.apply(d).map(v -> d));
  }

  private static void finish(VertxTestContext ctx, ContainerDeployment d, TieredEventRouter router) {
    shutDown(d, router).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void weightedVotingWithTheDesignWeights(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    List<Event> signals = new CopyOnWriteArrayList<>();
    ContainerSpec spec = ensemble("weighted_voting", 2_000, true,
        fixed("momentum_fast", Direction.LONG, 0.8),
        fixed("momentum_slow", Direction.SHORT, -0.6),
        fixed("mean_reversion", Direction.LONG, 0.5));
    run(vertx, router, signals, List.of(spec), d -> {
      router.publish(barEvent("data_container", "AAPL", 0, 100));
      router.publish(barEvent("data_container", "MSFT", 0, 200));
      return eventually(vertx, () -> signals.size() >= 2, 5_000, () -> "2 ensemble signals, got " + signals);
    }).onComplete(ctx.succeeding(d -> ctx.verify(() -> {
      assertThat(signals).extracting(Event::symbol).containsExactlyInAnyOrder("AAPL", "MSFT");
      for (Event e : signals) {
        Signal s = e.payloadAs(Signal.class);
        // 0.4·0.8 + 0.3·(−0.6) + 0.3·0.5 = 0.29
        assertThat(s.direction()).isEqualTo(Direction.LONG);
        assertThat(s.strength()).isCloseTo(0.29, within(1e-12));
        assertThat(s.strategy()).isEqualTo(ENSEMBLE);
        assertThat(s.reason()).contains("momentum_fast LONG +0.80 x0.40", "momentum_slow SHORT -0.60 x0.30",
            "mean_reversion LONG +0.50 x0.30");
        assertThat(e.source()).isEqualTo(ENSEMBLE);
        assertThat(e.timeNanos()).isEqualTo(barEvent("x", "AAPL", 0, 0).timeNanos());
      }
      EnsembleContainer ens = (EnsembleContainer) d.container(ENSEMBLE);
      assertThat(ens.groupsAggregated()).isEqualTo(2);
      assertThat(ens.groupsIncomplete()).isZero();
      assertThat(ens.eventsForwarded()).isEqualTo(2);
      finish(ctx, d, router);
    })));
  }

  @Test
  void requireAllSignalsDropsAGroupThatIsIncompleteAtTheTimeout(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    List<Event> signals = new CopyOnWriteArrayList<>();
    ContainerSpec spec = ensemble("weighted_voting", 150, true,
        fixed("momentum_fast", Direction.LONG, 0.8),
        fixed("momentum_slow", Direction.SHORT, -0.6),
        silent("mean_reversion"));
    run(vertx, router, signals, List.of(spec), d -> {
      router.publish(barEvent("data_container", "AAPL", 0, 100));
      EnsembleContainer ens = (EnsembleContainer) d.container(ENSEMBLE);
      return eventually(vertx, () -> ens.groupsIncomplete() == 1, 5_000, () -> "one incomplete group")
          .compose(v -> sleep(vertx, 300));
    }).onComplete(ctx.succeeding(d -> ctx.verify(() -> {
      EnsembleContainer ens = (EnsembleContainer) d.container(ENSEMBLE);
      assertThat(signals).isEmpty();
      assertThat(ens.groupsIncomplete()).isEqualTo(1);
      assertThat(ens.groupsAggregated()).isZero();
      finish(ctx, d, router);
    })));
  }

  @Test
  void withoutRequireAllSignalsThePartialGroupIsAggregatedAtTheTimeout(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    List<Event> signals = new CopyOnWriteArrayList<>();
    ContainerSpec spec = ensemble("weighted_voting", 150, false,
        fixed("momentum_fast", Direction.LONG, 0.8),
        fixed("momentum_slow", Direction.SHORT, -0.6),
        silent("mean_reversion"));
    long[] publishedAt = new long[1];
    run(vertx, router, signals, List.of(spec), d -> {
      publishedAt[0] = System.nanoTime();
      router.publish(barEvent("data_container", "AAPL", 0, 100));
      return eventually(vertx, () -> !signals.isEmpty(), 5_000, () -> "a partial ensemble signal");
    }).onComplete(ctx.succeeding(d -> ctx.verify(() -> {
      long waitedMs = (System.nanoTime() - publishedAt[0]) / 1_000_000;
      assertThat(waitedMs).as("aggregated only at the timeout").isGreaterThanOrEqualTo(140);
      Signal s = signals.get(0).payloadAs(Signal.class);
      // (0.4·0.8 − 0.3·0.6) / (0.4 + 0.3) = 0.2
      assertThat(s.direction()).isEqualTo(Direction.LONG);
      assertThat(s.strength()).isCloseTo(0.2, within(1e-12));
      assertThat(s.reason()).contains("2/3").contains("mean_reversion missing");
      EnsembleContainer ens = (EnsembleContainer) d.container(ENSEMBLE);
      assertThat(ens.groupsAggregated()).isEqualTo(1);
      assertThat(ens.groupsPartial()).isEqualTo(1);
      assertThat(ens.groupsIncomplete()).isZero();
      finish(ctx, d, router);
    })));
  }

  @Test
  void majorityVote(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    List<Event> signals = new CopyOnWriteArrayList<>();
    ContainerSpec spec = ensemble("majority", 2_000, true,
        fixed("momentum_fast", Direction.LONG, 0.6),
        fixed("momentum_slow", Direction.LONG, 0.8),
        fixed("mean_reversion", Direction.SHORT, -1.0));
    run(vertx, router, signals, List.of(spec), d -> {
      router.publish(barEvent("data_container", "AAPL", 0, 100));
      return eventually(vertx, () -> !signals.isEmpty(), 5_000, () -> "a majority signal");
    }).onComplete(ctx.succeeding(d -> ctx.verify(() -> {
      Signal s = signals.get(0).payloadAs(Signal.class);
      assertThat(s.direction()).isEqualTo(Direction.LONG);
      assertThat(s.strength()).isCloseTo(0.7, within(1e-12));
      finish(ctx, d, router);
    })));
  }

  @Test
  void designEnsembleOnASyntheticFeed(Vertx vertx, VertxTestContext ctx) {
    // data_container → momentum_ensemble [momentum_fast(10,20), momentum_slow(20,50), mean_reversion(20)]
    // 100 bars × 3 symbols. Warm-up: momentum_fast and mean_reversion report from bar index 19,
    // momentum_slow from 49. So per symbol 51 complete groups (49..99) and 30 incomplete (19..48).
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    List<Event> signals = new CopyOnWriteArrayList<>();
    ContainerSpec feed = ContainerSpec.of("data_container", TradingContainers.DATA).withParams(new JsonObject()
        .put("symbols", new JsonArray().add("AAPL").add("GOOGL").add("MSFT"))
        .put("max_bars", 100).put("interval_ms", 0).put("seed", 7));
    ContainerSpec ens = ensemble("weighted_voting", 1_000, true,
        ContainerSpec.of("momentum_fast", "strategy").withParams(new JsonObject().put("strategy", new JsonObject()
            .put("type", "momentum").put("fast_period", 10).put("slow_period", 20).put("signal_threshold", 0.02)
            .put("emit", "every_bar"))),
        ContainerSpec.of("momentum_slow", "strategy").withParams(new JsonObject().put("strategy", new JsonObject()
            .put("type", "momentum").put("fast_period", 20).put("slow_period", 50).put("signal_threshold", 0.015)
            .put("emit", "every_bar"))),
        ContainerSpec.of("mean_reversion", "strategy").withParams(new JsonObject().put("strategy", new JsonObject()
            .put("type", "mean_reversion").put("lookback_period", 20).put("std_threshold", 2.0))));
    run(vertx, router, signals, List.of(ens, feed), d -> {
      EnsembleContainer e = (EnsembleContainer) d.container(ENSEMBLE);
      return ((SyntheticFeedContainer) d.container("data_container")).finished()
          .compose(n -> eventually(vertx, () -> e.groupsAggregated() + e.groupsIncomplete() >= 3 * 81, 10_000,
              () -> "243 closed groups, got " + e.groupsAggregated() + " + " + e.groupsIncomplete()))
          .compose(v -> eventually(vertx, () -> signals.size() >= 153, 5_000, () -> "153 signals, got " + signals.size()));
    }).onComplete(ctx.succeeding(d -> ctx.verify(() -> {
      EnsembleContainer e = (EnsembleContainer) d.container(ENSEMBLE);
      assertThat(e.groupsAggregated()).isEqualTo(3 * 51);
      assertThat(e.groupsIncomplete()).isEqualTo(3 * 30);
      assertThat(signals).hasSize(3 * 51);
      assertThat(signals).allSatisfy(s -> {
        assertThat(s.payloadAs(Signal.class).strategy()).isEqualTo(ENSEMBLE);
        assertThat(s.payloadAs(Signal.class).reason()).startsWith("weighted_voting 3/3");
      });
      for (String id : List.of("momentum_fast", "momentum_slow", "mean_reversion")) {
        assertThat(((StrategyContainer) d.container(id)).barsIn()).isEqualTo(300);
      }
      finish(ctx, d, router);
    })));
  }
}
