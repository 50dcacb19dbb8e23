package dev.tierbus.cli;

import dev.tierbus.backtest.BacktestJob;
import dev.tierbus.backtest.BacktestProgress;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.topology.TopologyException;
import dev.tierbus.topology.TopologyLoader;
import dev.tierbus.trading.analysis.PerformanceMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code backtest}: runs the topology over its data (or {@code --data} files) on a simulated
 * clock, as fast as possible, writes the report into {@code --out} and prints a summary.
 */
final class BacktestCommand {

  static final Duration MAX_RUN = Duration.ofHours(12);
  static final long PROGRESS_INTERVAL_MS = 2_000;

  private final ContainerRegistry registry;
  private final PrintStream out;
  private final PrintStream err;

  BacktestCommand(ContainerRegistry registry, PrintStream out, PrintStream err) {
    this.registry = registry;
    this.out = out;
    this.err = err;
  }

  /** 0 after a run, 1 when the run failed, 2 for a bad topology or data file. */
  int run(String file, List<String> dataFiles, String outDir) {
    Vertx vertx = Vertx.vertx();
    try {
      JsonObject raw = Await.result(TopologyLoader.read(vertx, file), Duration.ofMinutes(1));
      if (!dataFiles.isEmpty()) {
        raw = BacktestJob.withData(raw, dataFiles);
      }
      Path dir = Path.of(outDir);
      BacktestJob.Outcome o = Await.result(BacktestJob.run(vertx, raw, registry, dir,
          new BacktestProgress(err, PROGRESS_INTERVAL_MS)), MAX_RUN);
      printSummary(o, dir);
      return TierbusCli.EXIT_OK;
    } catch (TopologyException e) {
      ValidateCommand.printProblems(e, err);
      return TierbusCli.EXIT_USAGE;
    } catch (Exception e) {
      err.println("backtest failed: " + ErrorText.describe(e));
      return TierbusCli.EXIT_FAILURE;
    } finally {
      try {
        Await.result(vertx.close(), Duration.ofSeconds(15));
      } catch (Exception ignored) {
        // exiting anyway
      }
    }
  }

  private void printSummary(BacktestJob.Outcome o, Path dir) {
    PerformanceMetrics m = o.result().metrics();
    out.printf(Locale.ROOT, "backtest: %,d bar times (%,d bars) in %.2f s%n", o.barTimes(), o.replay().bars(),
        o.seconds());
    out.printf(Locale.ROOT, "  total return %s   CAGR %s   Sharpe %s   Sortino %s%n", pct(m.totalReturn()),
        pct(m.cagr()), num(m.sharpe()), num(m.sortino()));
    out.printf(Locale.ROOT, "  max drawdown %s   trades %d   win rate %s   exposure %s%n", pct(m.maxDrawdown()),
        m.tradeCount(), pct(m.winRate()), pct(m.exposure()));
    out.println("  report: " + dir.resolve("report.html").toAbsolutePath().normalize() + " (and report.json,"
        + " trades.csv, equity.csv)");
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", v * 100);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }
}
