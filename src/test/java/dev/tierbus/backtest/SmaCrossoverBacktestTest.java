package dev.tierbus.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tierbus.cli.TierbusCli;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * {@code backtest --topology examples/sma_crossover.yaml --data <GOOG file>} end to end through
 * the command line, checked against ta4j's own backtest engine ({@code BarSeriesManager} with
 * {@code TradeOnNextOpenModel} and zero costs: entry on {@code CrossedUpIndicatorRule(SMA10,
 * SMA30)}, exit on {@code CrossedDownIndicatorRule}, 30 unstable bars so the first signal is the
 * first bar at which both SMAs exist for it and the bar before). Every entry and exit bar and
 * price must be the same; the run must be deterministic.
 */
@Timeout(180)
class SmaCrossoverBacktestTest {

  private static final String GOOG = "src/main/resources/market-data/goog_daily_2004-08-19_2008-10-14.csv";
  private static final String TOPOLOGY = "examples/sma_crossover.yaml";

  private record Trade(String entryTime, double entryPrice, String exitTime, double exitPrice) {}

  private static int backtest(Path out, PrintStream stdout, PrintStream stderr) {
    return TierbusCli.execute(new String[] {"backtest", "--topology", TOPOLOGY, "--data", GOOG, "--out",
        out.toString()}, stdout, stderr);
  }

  /** ta4j's trades on the same file: bar times as the replay publishes them (the date at 00:00 UTC). */
  private static List<Trade> ta4jTrades(List<Instant> times) throws Exception {
    BarSeries series = new BaseBarSeriesBuilder().withName("GOOG").build();
    try (BufferedReader in = Files.newBufferedReader(Path.of(GOOG), StandardCharsets.UTF_8)) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",");
        LocalDate day = LocalDate.parse(f[0]);
        series.addBar(day.plusDays(1).atStartOfDay(ZoneOffset.UTC), f[1], f[2], f[3], f[4], f[5]);
        times.add(day.atStartOfDay(ZoneOffset.UTC).toInstant());
      }
    }
    ClosePriceIndicator close = new ClosePriceIndicator(series);
    SMAIndicator fast = new SMAIndicator(close, 10);
    SMAIndicator slow = new SMAIndicator(close, 30);
    BaseStrategy strategy = new BaseStrategy(new CrossedUpIndicatorRule(fast, slow),
        new CrossedDownIndicatorRule(fast, slow), 30);
    TradingRecord record = new BarSeriesManager(series, new ZeroCostModel(), new ZeroCostModel(),
        new TradeOnNextOpenModel()).run(strategy);
    List<Trade> trades = new ArrayList<>();
    for (Position p : record.getPositions()) {
      trades.add(new Trade(times.get(p.getEntry().getIndex()).toString(), p.getEntry().getPricePerAsset().doubleValue(),
          times.get(p.getExit().getIndex()).toString(), p.getExit().getPricePerAsset().doubleValue()));
    }
    Position open = record.getCurrentPosition();
    if (open.isOpened()) {
      trades.add(new Trade(times.get(open.getEntry().getIndex()).toString(),
          open.getEntry().getPricePerAsset().doubleValue(), null, Double.NaN));
    }
    return trades;
  }

  @Test
  void theTradesMatchTa4jsBacktestAndTwoRunsWriteIdenticalReports(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    assertThat(backtest(dir.resolve("a"), out, err)).as(errBytes.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("1,047 bar times", "total return", "report.html");
    for (String f : List.of("report.json", "trades.csv", "equity.csv", "report.html")) {
      assertThat(dir.resolve("a").resolve(f)).exists();
    }

    JsonObject report = new JsonObject(Files.readString(dir.resolve("a/report.json")));
    JsonArray trades = report.getJsonArray("trades");
    List<Instant> times = new ArrayList<>();
    List<Trade> reference = ta4jTrades(times);
    assertThat(reference).as("ta4j trades the crossover on GOOG").hasSizeGreaterThan(5);
    List<Trade> ours = new ArrayList<>();
    for (int i = 0; i < trades.size(); i++) {
      JsonObject t = trades.getJsonObject(i);
      assertThat(t.getString("side")).isEqualTo("long");
      ours.add(new Trade(t.getString("entry_time"), t.getDouble("entry_price"), t.getString("exit_time"),
          t.getValue("exit_price") == null ? Double.NaN : t.getDouble("exit_price")));
    }
    assertThat(ours).hasSameSizeAs(reference);
    for (int i = 0; i < ours.size(); i++) {
      Trade a = ours.get(i);
      Trade b = reference.get(i);
      assertThat(a.entryTime()).as("entry of trade %d", i).isEqualTo(b.entryTime());
      assertThat(a.entryPrice()).as("entry price of trade %d", i).isCloseTo(b.entryPrice(), within(1e-9));
      assertThat(a.exitTime()).as("exit of trade %d", i).isEqualTo(b.exitTime());
      if (b.exitTime() != null) {
        assertThat(a.exitPrice()).as("exit price of trade %d", i).isCloseTo(b.exitPrice(), within(1e-9));
      }
    }

    // all in, no costs: every entry spends the whole equity at the next open
    JsonObject metrics = report.getJsonObject("metrics");
    double equity = 100_000;
    for (int i = 0; i < trades.size(); i++) {
      JsonObject t = trades.getJsonObject(i);
      assertThat(t.getDouble("quantity") * t.getDouble("entry_price")).isCloseTo(equity, within(1e-3));
      if (t.getValue("exit_price") != null) {
        equity = t.getDouble("quantity") * t.getDouble("exit_price");
      }
    }
    assertThat(metrics.getInteger("trade_count")).isEqualTo(reference.stream().filter(t -> t.exitTime() != null).count());

    // deterministic: a second run writes the same bytes
    assertThat(backtest(dir.resolve("b"), out, err)).isZero();
    for (String f : List.of("report.json", "trades.csv", "equity.csv", "report.html")) {
      assertThat(Files.mismatch(dir.resolve("a").resolve(f), dir.resolve("b").resolve(f))).as(f).isEqualTo(-1);
    }
  }

  @Test
  void aTopologyWithoutAnalysisIsRefusedBeforeAnythingRuns(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("t.yaml"), """
        market_data: {container_type: data, source: csv, files: ["classpath:market-data/aapl_daily_2013.csv"]}
        """);
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    int code = TierbusCli.execute(new String[] {"backtest", "--topology", file.toString(), "--out",
        dir.resolve("out").toString()}, new PrintStream(new ByteArrayOutputStream()), err);
    assertThat(code).isEqualTo(2);
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("a backtest reports on one analysis container");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aMissingDataFileIsReportedWithItsName(@TempDir Path dir) {
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    int code = TierbusCli.execute(new String[] {"backtest", "--topology", TOPOLOGY, "--data",
        dir.resolve("nope.csv").toString(), "--out", dir.resolve("out").toString()},
        new PrintStream(new ByteArrayOutputStream()), err);
    assertThat(code).isNotZero();
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("nope.csv");
  }
}
