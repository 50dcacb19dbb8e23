package dev.tierbus.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tierbus.container.ContainerDeployer;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.TieredEventRouter;
import dev.tierbus.trading.data.MarketDataContainer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The provider registers every type, and each type's factory validates its parameters. */
class TradingContainersTest {

  private final ContainerRegistry registry = ContainerRegistry.withDefaults();
  private Vertx vertx;

  @AfterEach
  void closeVertx() {
    if (vertx != null) {
      vertx.close().await();
    }
  }

  private List<String> problems(String type, JsonObject params) {
    return registry.factory(type).validate(ContainerSpec.of("c", type).withParams(params));
  }

  @Test
  void theServiceLoaderFindsEveryBuiltInType() {
    assertThat(registry.types()).contains("synthetic_feed", "data", "indicator", "strategy",
        "strategy_ensemble", "printer", "recorder");
  }

  @Test
  void defaultsAreValid() {
    for (String type : List.of("synthetic_feed", "data", "indicator", "printer")) {
      assertThat(problems(type, new JsonObject())).as(type).isEmpty();
    }
  }

  @Test
  void syntheticFeedProblems() {
    assertThat(problems("synthetic_feed", new JsonObject()
        .put("symbols", "AAPL")
        .put("seed", "abc")
        .put("start_price", 0)
        .put("volatility", -0.1)
        .put("drift", "up")
        .put("timeframe", "5x")
        .put("start_time", "yesterday")
        .put("interval_ms", -1)
        .put("max_bars", 2.5)
        .put("emit_ticks", "no")))
        .containsExactly(
            "seed: expected an integer, was \"abc\"",
            "start_price: must be > 0.0, was 0.0",
            "volatility: must be >= 0.0, was -0.1",
            "drift: expected a finite number, was \"up\"",
            "timeframe: timeframe '5x' has unknown unit 'x', expected <number><unit> with unit s, min, h, D or W "
                + "(e.g. 1s, 1min, 5min, 1h, 1D, 1W)",
            "start_time: 'yesterday' is not an ISO date-time with offset, expected e.g. 2024-01-02T14:30:00Z",
            "interval_ms: must be >= 0, was -1",
            "max_bars: expected an integer, was 2.5",
            "emit_ticks: expected true or false, was \"no\"");
    assertThat(problems("synthetic_feed", new JsonObject().put("symbols", new JsonArray().add("A").add("A"))))
        .containsExactly("symbols: lists a symbol twice: [A, A]");
  }

  @Test
  void dataOffersTheSyntheticAndTheCsvSources() {
    assertThat(problems("data", new JsonObject().put("source", "synthetic"))).isEmpty();
    assertThat(problems("data", new JsonObject().put("source", "ftp"))).containsExactly(
        "source: 'ftp' is not a data source, expected synthetic or csv");
    assertThat(problems("data", new JsonObject().put("source", "csv"))).singleElement().asString()
        .startsWith("files: is required, expected a list of files");
    assertThat(problems("data", new JsonObject().put("source", "csv").put("files", new JsonArray()
        .add("classpath:market-data/goog_daily_2004-08-19_2008-10-14.csv")
        .add(new JsonObject().put("path", "classpath:market-data/aapl_daily_2013.csv").put("timeframe", "1min"))
        .add(new JsonObject().put("path", "classpath:market-data/btcusd_bitstamp_trades_2013-11-25_2013-12-01.csv")
            .put("format", "trades").put("timeframe", "1D").put("publish_ticks", true).put("timezone", "UTC")))
        .put("speed", "max").put("loop", true).put("bad_rows", "skip")))
        .containsExactly("files[2].timeframe: 1D differs from 1min of files[1]; one data container replays one "
            + "timeframe (use one container per timeframe)");
    assertThat(problems("data", new JsonObject().put("source", "csv").put("files", new JsonArray()
        .add(new JsonObject().put("path", "no/such.csv").put("sybmol", "X"))
        .add(new JsonObject().put("path", "classpath:market-data/nothing.csv"))
        .add(new JsonObject().put("path", "classpath:market-data/aapl_daily_2013.csv").put("format", "ticks")
            .put("timezone", "Mars/Olympus").put("timeframe", "1m"))
        .add(new JsonObject().put("path", "classpath:market-data/aapl_daily_2013.csv").put("format", "ohlcv")
            .put("publish_ticks", true)))
        .put("speed", "fast").put("bar_interval_ms", 0).put("bad_rows", "ignore")))
        .containsExactly(
            "files[0].path: no such file 'no/such.csv' (looked at "
                + java.nio.file.Path.of("no/such.csv").toAbsolutePath().normalize() + ")",
            "files[1].path: no class-path resource 'market-data/nothing.csv'",
            "files[2].format: 'ticks' is not a data format, expected ohlcv or trades",
            "files[2].timeframe: timeframe '1m' has unknown unit 'm', expected <number><unit> with unit s, min, h, D "
                + "or W (e.g. 1s, 1min, 5min, 1h, 1D, 1W)",
            "files[2].timezone: 'Mars/Olympus' is not a time zone, expected e.g. UTC or America/New_York",
            "files[3].publish_ticks: only a trades file has ticks, this one is ohlcv",
            "files[3].symbol: 'AAPL' is also the symbol of files[2]; one file per symbol (give each file its own symbol)",
            "speed: 'fast' is not a speed, expected max or a number > 0 (60: a minute of market per second)",
            "bar_interval_ms: must be >= 1, was 0",
            "bar_interval_ms: given together with speed, expected one of them",
            "bad_rows: 'ignore' is not a bad-row policy, expected fail or skip",
            "files[0].sybmol: unknown parameter of data, did you mean symbol?");
  }

  @Test
  void indicatorStrategyAndPrinterProblems() {
    assertThat(problems("indicator", new JsonObject().put("indicators", new JsonArray().add("ATR")))).isEmpty();
    assertThat(problems("indicator", new JsonObject().put("indicators", new JsonArray().add("VWAP"))))
        .singleElement().asString().startsWith("indicators[0].type: unknown indicator 'VWAP'");
    assertThat(problems("strategy", new JsonObject().put("strategy", new JsonObject()
        .put("type", "momentum").put("fast_period", "ten"))))
        .containsExactly("strategy.fast_period: expected an integer, was \"ten\"");
    assertThat(problems("strategy", new JsonObject().put("strategy", new JsonObject()
        .put("type", "momentum").put("fast_period", 10).put("slow_period", 20).put("signal_threshold", 0.02))))
        .isEmpty();
    assertThat(problems("printer", new JsonObject().put("every", 0))).containsExactly("every: must be >= 1, was 0");
  }

  @Test
  void buildingABadContainerFailsBeforeAnythingDeploys() {
    vertx = Vertx.vertx();
    ContainerDeployer deployer = new ContainerDeployer(vertx, TieredEventRouter.create(vertx, new RouterOptions()),
        registry);
    assertThatThrownBy(() -> deployer.build(ContainerSpec.of("feed", "synthetic_feed")
        .withParams(new JsonObject().put("volatility", -1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("container 'feed' (synthetic_feed) has bad parameters: volatility: must be >= 0.0, was -1.0");
    ContainerSpec ensemble = ContainerSpec.of("ens", "strategy_ensemble")
        .withInternalEvents(new JsonObject().put("aggregation", new JsonObject()
            .put("weights", new JsonObject().put("ghost", 0.5))))
        .withChildren(List.of(ContainerSpec.of("s1", "strategy").withParams(new JsonObject()
            .put("strategy", new JsonObject().put("type", "mean_reversion")))));
    assertThatThrownBy(() -> deployer.build(ensemble))
        .hasMessageContaining("internal_events.aggregation.weights.ghost: no sub-container has this id, expected one of [s1]");
  }

  @Test
  void aCsvReplayAtFullSpeedWarnsAboutRunButNotUnderAGate() {
    JsonObject csv = new JsonObject().put("source", "csv")
        .put("files", new JsonArray().add("classpath:market-data/aapl_daily_2013.csv"));
    ContainerSpec spec = ContainerSpec.of("d", "data").withParams(csv.copy().put("loop", true));
    assertThat(registry.factory("data").warnings(spec)).singleElement().asString()
        .startsWith("speed: max (also the pace without speed or bar_interval_ms) replays the files as fast as the"
            + " node can go under run")
        .contains("and starts again at once, forever");
    assertThat(registry.factory("data").warnings(spec.withParams(csv.copy().put("speed", "max")))).hasSize(1);
    assertThat(registry.factory("data").warnings(spec.withParams(csv.copy().put("speed", 60)))).isEmpty();
    assertThat(registry.factory("data").warnings(spec.withParams(csv.copy().put("bar_interval_ms", 50)))).isEmpty();
    assertThat(registry.factory("data").warnings(ContainerSpec.of("d", "data"))).isEmpty();
    assertThat(MarketDataContainer.factory((time, phase) -> Future.succeededFuture()).warnings(spec)).isEmpty();
  }

  @Test
  void aSyntheticFeedTakesSourceOnlyAsSynthetic() {
    assertThat(problems("synthetic_feed", new JsonObject().put("source", "synthetic"))).isEmpty();
    assertThat(problems("synthetic_feed", new JsonObject().put("source", "csv"))).containsExactly(
        "source: 'csv': a synthetic_feed is always synthetic; replay files with container_type: data and source: csv");
  }
}
