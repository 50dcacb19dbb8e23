package dev.tierbus.trading.report;

import dev.tierbus.trading.analysis.AnalysisResult;
import dev.tierbus.trading.analysis.PerformanceMath;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes the report of a run to a directory:
 *
 * <pre>
 *   report.json   metrics, trades, equity curve          (ReportJson)
 *   trades.csv    the round trips                        (ReportCsv)
 *   equity.csv    the equity curve and its drawdown      (ReportCsv)
 *   report.html   a page for people: metrics, equity and drawdown charts (inline SVG), trades
 * </pre>
 *
 * <p>The same result gives the same bytes: keys and columns in a fixed order, numbers in a fixed
 * format ({@link ReportFormat}), UTF-8, LF line ends, nothing about the run itself (no "generated
 * at"). The directory is created if needed; each file is written next to its final name and
 * moved over it, so a reader never sees half a file.
 *
 * <p>{@link #write(AnalysisResult, Path)} blocks on file I/O: call it from a worker thread, or
 * use {@link #write(Vertx, AnalysisResult, Path)} from an event loop.
 */
public final class ReportWriter {

  public static final String JSON = "report.json";
  public static final String TRADES_CSV = "trades.csv";
  public static final String EQUITY_CSV = "equity.csv";
  public static final String HTML = "report.html";
  public static final String DEFAULT_TITLE = "Backtest report";

  private final String title;

  /** A writer whose page is titled {@value #DEFAULT_TITLE}. */
  public ReportWriter() {
    this(DEFAULT_TITLE);
  }

  /** A writer whose page has {@code title} (e.g. the topology's name). */
  public ReportWriter(String title) {
    this.title = Objects.requireNonNull(title, "title");
  }

  /**
   * Writes the four files into {@code directory} (blocking).
   *
   * @return the files written, in the order above
   */
  public List<Path> write(AnalysisResult result, Path directory) throws IOException {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(directory, "directory");
    Files.createDirectories(directory);
    double[] drawdowns = PerformanceMath.drawdowns(result.equity());
    List<Path> written = new ArrayList<>(4);
    written.add(writeFile(directory, JSON, ReportJson.write(result)));
    written.add(writeFile(directory, TRADES_CSV, ReportCsv.trades(result)));
    written.add(writeFile(directory, EQUITY_CSV, ReportCsv.equity(result, drawdowns)));
    written.add(writeFile(directory, HTML, ReportHtml.write(result, title, drawdowns)));
    return written;
  }

  /** {@link #write(AnalysisResult, Path)} on a worker thread. */
  public Future<List<Path>> write(Vertx vertx, AnalysisResult result, Path directory) {
    return vertx.executeBlocking(() -> write(result, directory), false);
  }

  /** The text of report.json (what {@link #write} puts in the file). */
  public static String json(AnalysisResult result) {
    return ReportJson.write(result);
  }

  /** The text of report.html. */
  public String html(AnalysisResult result) {
    return ReportHtml.write(result, title, PerformanceMath.drawdowns(result.equity()));
  }

  private static Path writeFile(Path directory, String name, String content) throws IOException {
    Path target = directory.resolve(name);
    Path temp = directory.resolve("." + name + ".tmp");
    Files.write(temp, content.getBytes(StandardCharsets.UTF_8));
    try {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }
}
