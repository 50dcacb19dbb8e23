package dev.tierbus.loadtest;

import dev.tierbus.backtest.BacktestJob;
import dev.tierbus.backtest.BacktestProgress;
import dev.tierbus.container.ContainerRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The backtest pipeline, end to end: {@code BacktestJob} on a synthetic market of
 * {@code symbols} symbols (seeded random walks, 1-minute bars) through indicators (RSI, MACD),
 * a momentum / mean-reversion ensemble, risk, the paper broker, the portfolio and the
 * analysis, on the simulated clock (every bar time waits until the node is quiet, twice: after
 * its BAR_OPENs and after its BARs), with the reliable tier (ORDER, FILL) on the memory journal.
 *
 * <p>events/s = bar events replayed per second of replay (wall time from deployment to the
 * node going quiet after the last bar, the report files not included). The same topology
 * with more symbols per bar time shows how the per-bar-time synchronisation amortises.
 */
record BacktestPipelineCase(String name, int symbols) implements LoadCase {

  @Override
  public String description() {
    return "backtest: data (" + symbols + " synthetic symbols) -> indicators -> ensemble -> risk -> execution"
        + " -> portfolio -> analysis, simulated clock";
  }

  @Override
  public CaseResult run(Budget budget) throws Exception {
    // bars per symbol so that one phase runs roughly the budget's time; measured at ~10 k bar times/s
    long warmupBars = Math.max(200, budget.warmupMillis() * 2);
    long measuredBars = Math.max(500, budget.measureMillis() * 4 / Math.max(1, symbols / 25));
    run(warmupBars);
    AllocationMeter alloc = AllocationMeter.start();
    Run r = run(measuredBars);
    long bars = r.outcome.replay().bars();
    JsonObject extra = new JsonObject()
        .put("bars", bars)
        .put("bar_times", r.outcome.barTimes())
        .put("bar_times_per_sec", Math.round(r.outcome.barTimes() / r.outcome.seconds()))
        .put("symbols", symbols)
        .put("trades", r.outcome.result().metrics().tradeCount())
        .put("duration_s", CaseResult.round3(r.outcome.seconds()))
        .put("gc_count", alloc.gcCountSince())
        .put("gc_ms", alloc.gcMillisSince())
        .put("pipeline", "data, indicators (RSI, MACD), ensemble (momentum + mean reversion, weighted voting,"
            + " require all), risk, execution, portfolio, analysis")
        .put("clock", "simulated: each bar time waits for quiescence after BAR_OPEN and after BAR")
        .put("journal", "memory")
        .put("events_per_sec_counts", "bar events replayed per second (one bar per symbol per bar time)")
        .put("alloc_basis", "all threads / bar events");
    return new CaseResult(name, bars / r.outcome.seconds(), 0, 0, 0, (double) alloc.allocatedBytes() / bars, extra);
  }

  private record Run(BacktestJob.Outcome outcome) {}

  private Run run(long barsPerSymbol) throws Exception {
    Vertx vertx = Vertx.vertx();
    Path out = Files.createTempDirectory("tierbus-backtest");
    try {
      BacktestJob.Outcome o = Await.result(BacktestJob.run(vertx, topology(barsPerSymbol), ContainerRegistry.withDefaults(),
          out, new BacktestProgress(null, 1_000)), 600);
      return new Run(o);
    } finally {
      Await.result(vertx.close());
      try (var files = Files.walk(out)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private JsonObject topology(long barsPerSymbol) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < symbols; i++) {
      names.add("S" + i);
    }
    JsonObject data = new JsonObject().put("container_type", "data").put("source", "synthetic")
        .put("symbols", new JsonArray(names)).put("max_bars", barsPerSymbol).put("volatility", 0.01)
        .put("seed", 7).put("threading", "event_loop")
        .put("external_events", new JsonObject().put("publishes", new JsonArray()
            .add(new JsonObject().put("events", new JsonArray().add("BAR_OPEN").add("BAR")).put("tier", "fast"))));
    return new JsonObject()
        .put("market_data", data)
        .put("indicators", container("indicator", subs(sub("market_data", "BAR")), pubs("INDICATOR"))
            .put("indicators", new JsonArray()
                .add(new JsonObject().put("type", "RSI").put("period", 14))
                .add(new JsonObject().put("type", "MACD").put("fast", 12).put("slow", 26).put("signal", 9))))
        .put("ensemble", container("strategy_ensemble", subs(sub("market_data", "BAR")), pubs("SIGNAL"))
            .put("sub_containers", new JsonArray()
                .add(new JsonObject().put("container_type", "strategy").put("container_id", "momentum")
                    .put("strategy", new JsonObject().put("type", "momentum").put("fast_period", 5)
                        .put("slow_period", 20).put("emit", "every_bar")))
                .add(new JsonObject().put("container_type", "strategy").put("container_id", "mean_reversion")
                    .put("strategy", new JsonObject().put("type", "mean_reversion").put("lookback_period", 20)
                        .put("std_threshold", 1.5))))
            .put("internal_events", new JsonObject().put("aggregation", new JsonObject()
                .put("method", "weighted_voting")
                .put("weights", new JsonObject().put("momentum", 0.6).put("mean_reversion", 0.4))
                .put("coordination", new JsonObject().put("pattern", "collect_and_aggregate").put("timeout_ms", 1000)
                    .put("require_all_signals", true)))))
        .put("risk", container("risk", subs(sub("ensemble", "SIGNAL"), sub("market_data", "BAR"),
                sub("execution", "FILL", "RISK_ALERT")), pubs("ORDER", "RISK_ALERT"))
            .put("initial_capital", 1_000_000).put("sizing", new JsonObject().put("method", "percent_of_equity")
                .put("percent", 100.0 / symbols)))
        .put("execution", container("execution", subs(sub("risk", "ORDER"), sub("market_data", "BAR_OPEN", "BAR")),
            pubs("FILL", "RISK_ALERT")).put("commission_pct", 0.05).put("slippage_bps", 2))
        .put("portfolio", container("portfolio", subs(sub("execution", "FILL"), sub("market_data", "BAR_OPEN", "BAR")),
            pubs("PORTFOLIO_UPDATE")).put("initial_capital", 1_000_000))
        .put("analysis", container("analysis", subs(sub("portfolio", "PORTFOLIO_UPDATE"), sub("execution", "FILL"),
            sub("market_data", "BAR")), pubs("ANALYSIS_REPORT")).put("report_every_bars", 1_000_000));
  }

  private static JsonObject container(String type, JsonArray subscribes, JsonArray publishes) {
    return new JsonObject().put("container_type", type).put("external_events",
        new JsonObject().put("subscribes", subscribes).put("publishes", publishes));
  }

  private static JsonArray subs(JsonObject... subs) {
    JsonArray a = new JsonArray();
    for (JsonObject s : subs) {
      a.add(s);
    }
    return a;
  }

  private static JsonObject sub(String source, String... events) {
    return new JsonObject().put("source", source).put("events", new JsonArray(List.of((Object[]) events)));
  }

  private static JsonArray pubs(String... events) {
    return new JsonArray().add(new JsonObject().put("events", new JsonArray(List.of((Object[]) events))));
  }
}
