package dev.tierbus.trading.strategy;

import static dev.tierbus.trading.TradingTestSupport.barEvent;
import static dev.tierbus.trading.TradingTestSupport.eventually;
import static dev.tierbus.trading.TradingTestSupport.shutDown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.config.ParamReader;
import dev.tierbus.container.ContainerDeployer;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.container.ContainerTestKit;
import dev.tierbus.event.Direction;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Signal;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.TieredEventRouter;
import dev.tierbus.trading.TradingContainers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class StrategyContainerTest {

  private static JsonObject momentum(int fast, int slow, double threshold) {
    return new JsonObject().put("strategy", new JsonObject().put("type", "momentum")
        .put("fast_period", fast).put("slow_period", slow).put("signal_threshold", threshold));
  }

  @Test
  void topLevelStrategyPublishesSignalsThroughTheRouter(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    List<Event> got = new CopyOnWriteArrayList<>();
    ContainerSpec spec = ContainerSpec.of("mom", TradingContainers.STRATEGY)
        .withParams(momentum(2, 4, 0.02))
        .withSubscriptions(List.of(Subscription.of("mom", "data_container", EventType.BAR)));
    router.subscribe(Subscription.of("probe", "mom", EventType.SIGNAL), got::add)
        .compose(h -> new ContainerDeployer(vertx, router, TradingContainers.registry()).deploy(List.of(spec)))
        .compose(d -> {
          double[] closes = {100, 100, 100, 100, 110, 90, 80};
          for (int i = 0; i < closes.length; i++) {
            router.publish(barEvent("data_container", "AAPL", i, closes[i]));
          }
          return eventually(vertx, () -> got.size() >= 2, 5_000, () -> "2 signals, got " + got)
              .compose(v -> dev.tierbus.trading.TradingTestSupport.sleep(vertx, 100)).map(v -> d);
        })
        .onComplete(ctx.succeeding(d -> ctx.verify(() -> {
          // index 3: both averages exist, not above; 4: gap +2.4% > 2%, crosses above; 5: gap 0, inside
          // the ±2% band; 6: gap −10.5%, falls below
          assertThat(got).extracting(e -> e.payloadAs(Signal.class).direction())
              .containsExactly(Direction.LONG, Direction.SHORT);
          Event first = got.get(0);
          assertThat(first.source()).isEqualTo("mom");
          assertThat(first.payloadAs(Signal.class).strategy()).isEqualTo("mom");
          assertThat(first.timeNanos()).isEqualTo(barEvent("x", "AAPL", 4, 0).timeNanos());
          assertThat(got.get(1).timeNanos()).isEqualTo(barEvent("x", "AAPL", 6, 0).timeNanos());
          assertThat(first.headers()).containsEntry(StrategyContainer.TIMEFRAME_HEADER, "1min");
          assertThat(((StrategyContainer) d.container("mom")).signalsEmitted()).isEqualTo(2);
          shutDown(d, router).onComplete(ctx.succeedingThenComplete());
        })));
  }

  @Test
  void strategyWithAParentSignalsItOnTheInternalBusAndTakesEachBarOnce(Vertx vertx, VertxTestContext ctx) {
    StrategyFunction upDown = (bar, symbol) -> bar.close() > bar.open()
        ? new Signal(Direction.LONG, 1.0, "up", "updown")
        : new Signal(Direction.SHORT, -1.0, "down", "updown");
    ContainerRegistry registry = ContainerRegistry.empty().register("updown", s -> new StrategyContainer(upDown));
    ContainerTestKit kit = ContainerTestKit.create(vertx, registry);
    Event bar = Event.of(EventType.BAR, "data", "AAPL", 1, new dev.tierbus.event.Bar("1min", 10, 12, 9, 11, 5));
    kit.deploy(ContainerSpec.of("ud", "updown"))
        .compose(c -> {
          kit.injectInternal(bar);
          kit.injectInternal(bar); // same bar by a second path: skipped
          return kit.awaitPublishedInternally(1, Duration.ofSeconds(5)).map(l -> c);
        })
        .onComplete(ctx.succeeding(c -> vertx.setTimer(100, t -> ctx.verify(() -> {
          assertThat(kit.publishedInternally()).hasSize(1);
          Signal s = kit.publishedInternally().get(0).payloadAs(Signal.class);
          assertThat(s.direction()).isEqualTo(Direction.LONG);
          assertThat(s.strategy()).isEqualTo("updown"); // the function's own name is kept
          assertThat(kit.published(EventType.SIGNAL)).isEmpty();
          assertThat(((StrategyContainer) c).barsSkipped()).isEqualTo(1);
          kit.close().onComplete(ctx.succeedingThenComplete());
        }))));
  }

  @Test
  void badStrategyParametersAreProblems() {
    StrategyTypes types = StrategyTypes.builtIn();
    ParamReader missing = ParamReader.of(new JsonObject());
    StrategyContainer.readFunction(missing, types);
    assertThat(missing.problems()).singleElement().asString().startsWith("strategy: is required");

    ParamReader unknown = ParamReader.of(new JsonObject().put("strategy", new JsonObject().put("type", "magic")));
    StrategyContainer.readFunction(unknown, types);
    assertThat(unknown.problems()).containsExactly(
        "strategy.type: unknown strategy 'magic', expected one of [breakout, mean_reversion, momentum]");

    JsonObject badParams = momentum(20, 10, -0.1);
    badParams.getJsonObject("strategy").put("lookback_period", 5);
    ParamReader bad = ParamReader.of(badParams);
    assertThat(StrategyContainer.readFunction(bad, types)).isNull();
    bad.reportUnknownKeys();
    assertThat(bad.problems()).containsExactlyInAnyOrder(
        "strategy.lookback_period: only used with type: mean_reversion",
        "strategy.signal_threshold: must be >= 0.0, was -0.1",
        "strategy.fast_period: must be less than slow_period (10), was 20");

    ParamReader mr = ParamReader.of(new JsonObject().put("strategy", new JsonObject()
        .put("type", "mean_reversion").put("lookback_period", 1).put("std_threshold", "two")));
    StrategyContainer.readFunction(mr, types);
    assertThat(mr.problems()).containsExactlyInAnyOrder(
        "strategy.lookback_period: must be >= 2, was 1",
        "strategy.std_threshold: expected a finite number, was \"two\"");
  }

  @Test
  void aPlainFunctionOfIndicatorsIsAStrategyAndSeesEachValueOnce(Vertx vertx, VertxTestContext ctx) {
    StrategyFunction rsi = StrategyFunction.onIndicators((value, symbol) ->
        value.name().equals("RSI") && value.value("value") < 30
            ? new Signal(Direction.LONG, 0.5, "RSI below 30", null) : null);
    ContainerRegistry registry = ContainerRegistry.empty().register("rsi", s -> new StrategyContainer(rsi));
    ContainerTestKit kit = ContainerTestKit.create(vertx, registry);
    Event low = Event.of(EventType.INDICATOR, "ind", "AAPL", 5, new dev.tierbus.event.IndicatorValue("RSI",
        java.util.Map.of("period", 14.0), java.util.Map.of("value", 25.0), "1D"));
    Event high = Event.of(EventType.INDICATOR, "ind", "AAPL", 6, new dev.tierbus.event.IndicatorValue("RSI",
        java.util.Map.of("period", 14.0), java.util.Map.of("value", 55.0), "1D"));
    kit.deploy(ContainerSpec.of("r", "rsi"))
        .compose(c -> {
          kit.injectInternal(low);
          kit.injectInternal(low); // a second path: skipped
          kit.injectInternal(high);
          return kit.awaitPublishedInternally(1, Duration.ofSeconds(5)).map(l -> c);
        })
        .onComplete(ctx.succeeding(c -> vertx.setTimer(100, t -> ctx.verify(() -> {
          assertThat(kit.publishedInternally()).hasSize(1);
          Event signal = kit.publishedInternally().get(0);
          assertThat(signal.timeNanos()).isEqualTo(5);
          assertThat(signal.headers()).containsEntry(StrategyContainer.TIMEFRAME_HEADER, "1D");
          assertThat(signal.payloadAs(Signal.class).strategy()).isEqualTo("r");
          assertThat(((StrategyContainer) c).indicatorsSkipped()).isEqualTo(1);
          kit.close().onComplete(ctx.succeedingThenComplete());
        }))));
  }

  @Test
  void aUserFunctionRegistersAsAStrategyType() {
    StrategyTypes types = StrategyTypes.builtIn().register("always_long", new StrategyFactory() {
      @Override
      public java.util.Set<String> parameterNames() {
        return java.util.Set.of();
      }

      @Override
      public StrategyFunction create(ParamReader params) {
        return (bar, symbol) -> new Signal(Direction.LONG, 1, "always", null);
      }
    });
    ParamReader r = ParamReader.of(new JsonObject().put("strategy", new JsonObject().put("type", "always_long")));
    StrategyFunction f = StrategyContainer.readFunction(r, types);
    assertThat(r.problems()).isEmpty();
    assertThat(f.onBar(dev.tierbus.trading.TradingTestSupport.bar(1), "X").direction()).isEqualTo(Direction.LONG);
  }
}
