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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code backtest}: runs the topology over its data (or {@code --data} files) on a simulated
 * clock, as fast as possible, writes the report into {@code --out} and prints a summary.
 */
@Command(name = "backtest",
    description = {"Run the topology over its market data on a simulated clock, as fast as possible and"
        + " deterministically; write report.json, trades.csv, equity.csv and report.html and print a summary.",
        "The topology needs one data and one analysis container, and a replay that ends."},
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:the report is written",
        "1:the run failed",
        "2:a bad topology or data file"})
final class BacktestCommand implements Callable<Integer> {

  static final Duration MAX_RUN = Duration.ofHours(12);
  static final long PROGRESS_INTERVAL_MS = 2_000;
  static final String DEFAULT_OUT = "backtest-report";

  @ParentCommand
  private TierbusCommand tierbus;

  @Option(names = "--data", paramLabel = "FILE", converter = FileArgument.class,
      description = {"A CSV file to replay instead of the data container's files; repeat for several.",
          "The symbol is the file name up to its first _ - or ."})
  private List<Path> data = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", defaultValue = DEFAULT_OUT, converter = FileArgument.class,
      description = "Where the report goes (default: ${DEFAULT-VALUE}).")
  private Path outDir;

  private final ContainerRegistry registry;
  private final PrintStream out;
  private final PrintStream err;

  BacktestCommand(CommandContext context) {
    this.registry = context.registry();
    this.out = context.out();
    this.err = context.err();
  }

  @Override
  public Integer call() {
    return run(tierbus.topology(), data(), outDir());
  }

  /** {@code --data}: the files to replay instead of the topology's (empty: the topology's own). */
  List<String> data() {
    return data.stream().map(Path::toString).toList();
  }

  /** {@code --out}: the report's directory. */
  String outDir() {
    return outDir.toString();
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
