package dev.tierbus.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.cli.TierbusCli;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backtest} refuses a replay that would never end, before anything runs, and warns about
 * what would make its figures misleading: the topology's warnings, and files that do not
 * overlap in time.
 */
@Timeout(120)
class BacktestInputsTest {

  private static final String GOOG = "classpath:market-data/goog_daily_2004-08-19_2008-10-14.csv";
  private static final String AAPL = "classpath:market-data/aapl_daily_2013.csv";

  /** Data, portfolio and analysis: the smallest topology a backtest reports on. */
  private static final String REST = """
      portfolio:
        container_type: portfolio
        external_events:
          subscribes: [{source: market_data, events: [BAR_OPEN, BAR]}]
          publishes: [{events: [PORTFOLIO_UPDATE]}]
      analysis:
        container_type: analysis
        external_events:
          subscribes: [{source: portfolio, events: [PORTFOLIO_UPDATE]}, {source: market_data, events: [BAR]}]
      """;

  @TempDir
  Path dir;

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  private int backtest(String data, String... more) throws IOException {
    Path file = Files.writeString(dir.resolve("t.yaml"), data + REST);
    List<String> args = new java.util.ArrayList<>(List.of("backtest", "--topology", file.toString(), "--out",
        dir.resolve("out").toString()));
    args.addAll(List.of(more));
    return TierbusCli.execute(args.toArray(new String[0]), new PrintStream(outBytes, true, StandardCharsets.UTF_8),
        new PrintStream(errBytes, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aLoopingReplayIsRefusedWithItsPath() throws IOException {
    assertThat(backtest("market_data: {container_type: data, source: csv, files: [" + AAPL + "], loop: true}\n"))
        .isEqualTo(2);
    assertThat(err().lines()).contains("market_data.loop: true never ends a backtest: the replay would start again,"
        + " forever; a backtest replays the files once (remove loop, or set it to false)");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void loopUnderParamsIsNamedThereAndDataFilesDoNotLiftIt() throws IOException {
    assertThat(backtest("market_data: {container_type: data, params: {source: csv, files: [" + AAPL
        + "], loop: true}}\n", "--data", "src/test/resources/data/aapl_daily_2013.csv")).isEqualTo(2);
    assertThat(err().lines()).anyMatch(l -> l.startsWith("market_data.params.loop: true never ends a backtest"));
  }

  @Test
  void aSyntheticSourceWithoutMaxBarsIsRefused() throws IOException {
    assertThat(backtest("market_data: {container_type: data, symbols: [AAA]}\n")).isEqualTo(2);
    assertThat(err().lines()).contains("market_data.max_bars: a backtest of the synthetic source needs max_bars (bars"
        + " per symbol), or its replay never ends");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void filesThatDoNotOverlapAreWarnedAboutBeforeTheRun() throws IOException {
    assertThat(backtest("market_data: {container_type: data, source: csv, files: [" + GOOG + ", " + AAPL + "]}\n"))
        .as(err()).isZero();
    String warning = "warning: market_data.files: the files do not overlap in time: they make 2 periods, replayed one"
        + " after the other (GOOG 2004-08-19 to 2008-10-14; AAPL 2013-01-02 to 2013-12-31)";
    assertThat(err().lines()).anyMatch(l -> l.startsWith(warning));
    assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("1,299 bar times");
  }

  @Test
  void withBadRowsSkippedTheFilesSpansAreKnownAtTheEndAndWarnedAboutThen() throws IOException {
    Path a = Files.write(dir.resolve("aaa.csv"), List.of("date,open,high,low,close,volume",
        "2024-01-02,10,11,9,10.5,100", "2024-01-03,10.5,12,10,11,100"));
    Path b = Files.write(dir.resolve("bbb.csv"), List.of("date,open,high,low,close,volume",
        "2024-03-01,20,21,19,20.5,100", "not a row", "2024-03-04,20.5,22,20,21,100"));
    assertThat(backtest("market_data: {container_type: data, source: csv, bad_rows: skip, files: [" + a + ", " + b
        + "]}\n")).as(err()).isZero();
    assertThat(err().lines()).anyMatch(l -> l.startsWith("warning: market_data.files: the files do not overlap in"
        + " time: they make 2 periods, replayed one after the other (AAA 2024-01-02 to 2024-01-03; BBB 2024-03-01 to"
        + " 2024-03-04)"));
  }

  @Test
  void overlappingFilesAndAPacedTopologyRunWithoutAWarning() throws IOException {
    assertThat(backtest("market_data: {container_type: data, source: csv, speed: max, files: [" + AAPL + ", {path: "
        + "\"classpath:market-data/btcusd_bitstamp_trades_2013-11-25_2013-12-01.csv\", symbol: BTC, timeframe: 1D}]}\n"))
        .as(err()).isZero();
    assertThat(err()).doesNotContain("warning:");
  }

  @Test
  void theTopologysWarningsArePrintedBeforeTheRun() throws IOException {
    assertThat(backtest("market_data: {container_type: data, source: csv, files: [" + AAPL + "], optimization:"
        + " {batch_internal_events: false}}\n")).as(err()).isZero();
    assertThat(err().lines()).contains("warning: market_data.optimization: accepted, no effect: internal events are"
        + " direct calls and local-bus messages; external subscriptions are compiled once");
    assertThat(new JsonObject(Files.readString(dir.resolve("out/report.json"))).getJsonObject("metrics")).isNotNull();
  }
}
