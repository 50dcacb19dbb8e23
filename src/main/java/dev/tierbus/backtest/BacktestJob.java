package dev.tierbus.backtest;

import dev.tierbus.config.Problem;
import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.journal.JournalOptions;
import dev.tierbus.topology.Topology;
import dev.tierbus.topology.TopologyException;
import dev.tierbus.topology.TopologyRuntime;
import dev.tierbus.topology.TopologyValidator;
import dev.tierbus.trading.TradingContainers;
import dev.tierbus.trading.analysis.AnalysisContainer;
import dev.tierbus.trading.analysis.AnalysisResult;
import dev.tierbus.trading.data.MarketDataContainer;
import dev.tierbus.trading.data.ReplaySummary;
import dev.tierbus.trading.report.ReportWriter;
import dev.tierbus.trading.risk.RiskContainer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic backtest: a topology run over its market data on a simulated clock, as fast
 * as possible, and its report written.
 *
 * <pre>
 * topology (+ --data files) ──► validate ──► deploy with a memory journal and the data container
 *   under a {@link BacktestClock} ──► replay: per bar time, BAR_OPENs, quiet, BARs, quiet ...
 *   ──► data ended and node quiet ──► analysis.result() ──► report.json, trades.csv, equity.csv,
 *   report.html ──► undeploy
 * </pre>
 *
 * <p>The reliable tier runs on the {@code memory} journal: delivery, retries and dead letters as
 * always, no PostgreSQL (a backtest is re-run from its input, not recovered). The topology must
 * have exactly one {@code data} container and exactly one {@code analysis} container, and its
 * replay must end: {@code loop: true} is refused, and so is the synthetic source without
 * {@code max_bars}. The topology's warnings are given to the {@link BacktestProgress} before the
 * run, and so is one about files that do not overlap in time, as soon as their spans are known.
 */
public final class BacktestJob {

  /**
   * What a run produced.
   *
   * @param analysisId the analysis container reported on
   * @param replay what the data container replayed
   * @param barTimes bar times released by the clock
   * @param seconds wall time of the replay
   * @param files the files written
   */
  public record Outcome(String analysisId, AnalysisResult result, ReplaySummary replay, long barTimes, double seconds,
      List<Path> files) {}

  private BacktestJob() {}

  /**
   * {@code topologyFile} with the files of its {@code data} container replaced by
   * {@code dataFiles} (each symbol from its file name; the container's other settings kept).
   *
   * @throws TopologyException when the file has not exactly one {@code data} container
   */
  public static JsonObject withData(JsonObject topologyFile, List<String> dataFiles) {
    JsonObject copy = topologyFile.copy();
    List<DataEntries.Entry> data = DataEntries.in(copy);
    if (data.size() != 1) {
      throw TopologyException.of("--data", "replaces the files of the topology's data container, but it has "
          + data.size() + " data containers");
    }
    JsonArray files = new JsonArray();
    for (String f : dataFiles) {
      files.add(new JsonObject().put("path", f));
    }
    JsonObject entry = data.get(0).json();
    if (entry.getValue("params") instanceof JsonObject params) {
      params.remove("source");
      params.remove("files");
    }
    entry.put("source", "csv").put("files", files);
    return copy;
  }

  /**
   * Validates {@code topologyFile}, runs it over its data and writes the report into
   * {@code outDir}.
   *
   * @return a failed Future with a {@link TopologyException} for a bad file (or one a backtest
   *     cannot run), or with the cause that stopped the replay
   */
  public static Future<Outcome> run(Vertx vertx, JsonObject topologyFile, ContainerRegistry registry, Path outDir,
      BacktestProgress progress) {
    BacktestClock clock = new BacktestClock(progress);
    // order ids stamped alike in every run (a backtest has no restarts and no hot swaps to tell apart)
    ContainerRegistry types = registry.copy().register(TradingContainers.DATA, MarketDataContainer.factory(clock))
        .register(TradingContainers.RISK, RiskContainer.factory(() -> "0"));
    Topology topology;
    DataEntries.Entry dataEntry;
    try {
      topology = new TopologyValidator(types).validate(topologyFile);
      dataEntry = checkRunnable(topology, topologyFile);
    } catch (TopologyException e) {
      return Future.failedFuture(e);
    }
    topology.warnings().forEach(progress::warning);
    long t0 = System.nanoTime();
    JournalOptions memory = new JournalOptions().setStore(JournalOptions.Store.MEMORY);
    return TopologyRuntime.deploy(vertx, topology, types, memory).compose(runtime -> {
      MarketDataContainer data = only(runtime, MarketDataContainer.class);
      AnalysisContainer analysis = only(runtime, AnalysisContainer.class);
      boolean periodsChecked = checkPeriods(data, dataEntry, progress);
      clock.arm(runtime.router().inFlight());
      return data.finished()
          .compose(summary -> runtime.router().inFlight().whenZero().map(summary))
          .compose(summary -> {
            if (!periodsChecked) {
              checkPeriods(data, dataEntry, progress);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            AnalysisResult result = analysis.result();
            return analysis.publishReport()
                .compose(v -> runtime.router().inFlight().whenZero())
                .compose(v -> new ReportWriter().write(vertx, result, outDir))
                .map(files -> new Outcome(analysis.id(), result, summary, progress.barTimes(), seconds, files));
          })
          .eventually(runtime::stop);
    });
  }

  /**
   * Warns when the data files do not overlap in time.
   *
   * @return false when their spans are not known yet (the files have not been read through)
   */
  private static boolean checkPeriods(MarketDataContainer data, DataEntries.Entry entry, BacktestProgress progress) {
    if (data.fileSpans().isEmpty()) {
      return false;
    }
    DataPeriods.apartWarning(data.fileSpans()).ifPresent(w -> progress.warning(entry.pathOf("files") + ": " + w));
    return true;
  }

  /**
   * Refuses a topology a backtest cannot run: not exactly one data and one analysis container,
   * or a replay that would never end.
   *
   * @return the data container's entry in the file
   */
  private static DataEntries.Entry checkRunnable(Topology topology, JsonObject file) {
    List<String> data = new ArrayList<>();
    List<String> analyses = new ArrayList<>();
    topology.allContainers().forEach((id, spec) -> {
      if (spec.type().equals(TradingContainers.DATA)) {
        data.add(id);
      } else if (spec.type().equals(TradingContainers.ANALYSIS)) {
        analyses.add(id);
      }
    });
    if (data.size() != 1) {
      throw TopologyException.of("", "a backtest replays one data container on its clock; the topology has "
          + data.size() + (data.isEmpty() ? "" : " " + data) + " (merge the files into one data container)");
    }
    if (analyses.size() != 1) {
      throw TopologyException.of("", "a backtest reports on one analysis container; the topology has "
          + analyses.size() + (analyses.isEmpty() ? "" : " " + analyses));
    }
    DataEntries.Entry entry = DataEntries.in(file).get(0);
    List<Problem> endless = new ArrayList<>();
    if (Boolean.TRUE.equals(entry.param("loop"))) {
      endless.add(new Problem(entry.pathOf("loop"), "true never ends a backtest: the replay would start again,"
          + " forever; a backtest replays the files once (remove loop, or set it to false)"));
    }
    boolean synthetic = !"csv".equals(entry.param("source"));
    if (synthetic && !(entry.param("max_bars") instanceof Number n && n.longValue() > 0)) {
      endless.add(new Problem(entry.pathOf("max_bars"), "a backtest of the synthetic source needs max_bars (bars"
          + " per symbol), or its replay never ends"));
    }
    if (!endless.isEmpty()) {
      throw new TopologyException(endless);
    }
    return entry;
  }

  private static <C extends Container> C only(TopologyRuntime runtime, Class<C> type) {
    for (Container c : runtime.containers().values()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    throw new IllegalStateException("no " + type.getSimpleName() + " deployed");
  }
}
