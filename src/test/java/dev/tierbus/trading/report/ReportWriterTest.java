package dev.tierbus.trading.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Direction;
import dev.tierbus.trading.analysis.AnalysisResult;
import dev.tierbus.trading.analysis.EquityPoint;
import dev.tierbus.trading.analysis.RoundTrip;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  private static final long DAY = 86_400_000_000_000L;
  /** 2013-01-02T00:00:00Z. */
  private static final long T0 = 1_357_084_800_000_000_000L;

  @TempDir
  Path tmp;

  /** Three days, one closed trade and one open one. */
  private static AnalysisResult small() {
    List<EquityPoint> curve = List.of(
        new EquityPoint(T0, 100_000, false),
        new EquityPoint(T0 + DAY, 99_000, true),
        new EquityPoint(T0 + 2 * DAY, 101_500.123456789, true));
    RoundTrip closed = new RoundTrip("AAPL", Direction.LONG, 10, T0 + DAY, 100, T0 + 2 * DAY, 110, 110, 1, 99,
        0.099, false);
    RoundTrip open = new RoundTrip("MS,FT \"B\"", Direction.SHORT, 2.5, T0 + 2 * DAY, 40, Long.MIN_VALUE, Double.NaN,
        41, 0, -2.5, -0.025, true);
    return AnalysisResult.of(curve, List.of(closed), List.of(open));
  }

  /** A long curve with many trades, like a year of minute bars. */
  private static AnalysisResult large() {
    List<EquityPoint> curve = new ArrayList<>();
    List<RoundTrip> trades = new ArrayList<>();
    double equity = 100_000;
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < 20_000; i++) {
      equity *= 1 + (random.nextDouble() - 0.499) * 0.004;
      curve.add(new EquityPoint(T0 + i * 60_000_000_000L, equity, i % 3 != 0));
      if (i % 50 == 49) {
        double entry = 100 + random.nextDouble();
        double exit = entry * (1 + (random.nextDouble() - 0.5) * 0.02);
        trades.add(new RoundTrip("SYM" + (i % 7), i % 2 == 0 ? Direction.LONG : Direction.SHORT, 3,
            curve.get(i - 10).timeNanos(), entry, curve.get(i).timeNanos(), exit, exit, 0.1,
            (exit - entry) * 3 - 0.1, ((exit - entry) * 3 - 0.1) / (entry * 3), false));
      }
    }
    return AnalysisResult.of(curve, trades, List.of());
  }

  /*
   * Expected metrics of small(), by hand:
   *   total return = 101500.123456789 / 100000 − 1 = 0.0150012346 → 0.015001
   *   CAGR over 2 days: 1.0150012346^(365.25 / 2) − 1 = e^(182.625 × 0.0148898...) − 1 = 14.169017
   *   daily returns −0.01 and 101500.123456789 / 99000 − 1 = 0.0252537723; mean 0.0076268861
   *   sample sd = √(2 × 0.0176268861²) = 0.0249281814 → Sharpe 0.0076268861 / 0.0249281814 × √252 = 4.856875
   *   downside deviation √(0.01² / 2) = 0.0070710678 → Sortino 0.0076268861 / 0.0070710678 × √252 = 17.122317
   *   max drawdown (100000 − 99000) / 100000 = 0.01; exposure 2 of 3 points
   */
  @Test
  void reportJsonHasTheDocumentedLayoutAndNumberFormat() {
    String json = ReportWriter.json(small());

    assertThat(json).isEqualTo("""
        {
          "metrics": {
            "total_return": 0.015001,
            "cagr": 14.169017,
            "sharpe": 4.856875,
            "sortino": 17.122317,
            "max_drawdown": 0.010000,
            "trade_count": 1,
            "win_rate": 1.000000,
            "exposure": 0.666667,
            "open_trade_count": 1,
            "start_equity": 100000.000000,
            "end_equity": 101500.123457,
            "start_time": "2013-01-02T00:00:00Z",
            "end_time": "2013-01-04T00:00:00Z"
          },
          "trades": [
            {"symbol": "AAPL", "side": "long", "quantity": 10.000000, "entry_time": "2013-01-03T00:00:00Z", \
        "entry_price": 100.000000, "exit_time": "2013-01-04T00:00:00Z", "exit_price": 110.000000, "pnl": 99.000000, \
        "return": 0.099000, "open": false},
            {"symbol": "MS,FT \\"B\\"", "side": "short", "quantity": 2.500000, "entry_time": "2013-01-04T00:00:00Z", \
        "entry_price": 40.000000, "exit_time": null, "exit_price": null, "pnl": -2.500000, "return": -0.025000, \
        "open": true}
          ],
          "equity": [
            {"time": "2013-01-02T00:00:00Z", "equity": 100000.000000},
            {"time": "2013-01-03T00:00:00Z", "equity": 99000.000000},
            {"time": "2013-01-04T00:00:00Z", "equity": 101500.123457}
          ]
        }
        """);
    JsonObject parsed = new JsonObject(json);
    assertThat(parsed.getJsonObject("metrics").fieldNames()).contains("total_return", "cagr", "sharpe", "sortino",
        "max_drawdown", "trade_count", "win_rate", "exposure");
    JsonArray trades = parsed.getJsonArray("trades");
    assertThat(trades.getJsonObject(1).getBoolean("open")).isTrue();
    assertThat(trades.getJsonObject(1).getValue("exit_time")).isNull();
    assertThat(trades.getJsonObject(1).getString("symbol")).isEqualTo("MS,FT \"B\"");
  }

  @Test
  void undefinedMetricsAreNullAndAnEmptyRunStillWritesEveryFile() throws Exception {
    AnalysisResult empty = AnalysisResult.of(List.of(), List.of(), List.of());
    List<Path> files = new ReportWriter().write(empty, tmp.resolve("empty"));

    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsExactly("report.json", "trades.csv", "equity.csv", "report.html");
    JsonObject json = new JsonObject(Files.readString(files.get(0)));
    assertThat(json.getJsonObject("metrics").getValue("sharpe")).isNull();
    assertThat(json.getJsonObject("metrics").getInteger("trade_count")).isZero();
    assertThat(json.getJsonArray("trades")).isEmpty();
    assertThat(Files.readString(files.get(1))).isEqualTo(ReportCsv.TRADES_HEADER + "\n");
    assertThat(Files.readString(files.get(3))).contains("No equity points were recorded.", "no data", "No trades.");
  }

  @Test
  void csvFilesQuoteWhatNeedsItAndLeaveOpenExitsEmpty() throws Exception {
    List<Path> files = new ReportWriter().write(small(), tmp);

    assertThat(Files.readAllLines(files.get(1))).containsExactly(
        "symbol,side,quantity,entry_time,entry_price,exit_time,exit_price,pnl,return,open",
        "AAPL,long,10.000000,2013-01-03T00:00:00Z,100.000000,2013-01-04T00:00:00Z,110.000000,99.000000,0.099000,false",
        "\"MS,FT \"\"B\"\"\",short,2.500000,2013-01-04T00:00:00Z,40.000000,,,-2.500000,-0.025000,true");
    assertThat(Files.readAllLines(files.get(2))).containsExactly(
        "time,equity,drawdown",
        "2013-01-02T00:00:00Z,100000.000000,0.000000",
        "2013-01-03T00:00:00Z,99000.000000,0.010000",
        "2013-01-04T00:00:00Z,101500.123457,0.000000");
  }

  @Test
  void theSameResultGivesByteIdenticalFiles() throws Exception {
    AnalysisResult result = large();
    List<Path> first = new ReportWriter().write(result, tmp.resolve("a"));
    List<Path> second = new ReportWriter().write(large(), tmp.resolve("b"));
    List<Path> again = new ReportWriter().write(result, tmp.resolve("a"));

    for (int i = 0; i < first.size(); i++) {
      byte[] a = Files.readAllBytes(first.get(i));
      assertThat(a).as(first.get(i).getFileName().toString()).isNotEmpty()
          .isEqualTo(Files.readAllBytes(second.get(i)))
          .isEqualTo(Files.readAllBytes(again.get(i)));
    }
    try (var listing = Files.list(tmp.resolve("a"))) {
      assertThat(listing.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("equity.csv", "report.html", "report.json", "trades.csv"); // no temporary files left
    }
  }

  @Test
  void theHtmlPageIsSelfContainedWithEquityAndDrawdownCharts() throws Exception {
    List<Path> files = new ReportWriter("AAPL SMA crossover").write(large(), tmp);
    String html = Files.readString(files.get(3), StandardCharsets.UTF_8);

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>AAPL SMA crossover</title>");
    assertThat(html).contains("<svg class=\"chart equity\"", "<svg class=\"chart drawdown\"");
    assertThat(html.split("<svg ", -1)).hasSize(3);
    assertThat(html).contains("<polyline class=\"series\"", "<polygon class=\"area\"");
    assertThat(html).contains("Total return", "CAGR", "Sharpe", "Sortino", "Max drawdown", "Win rate", "Exposure");
    assertThat(html).contains("<table class=\"trades\">");
    assertThat(html.split("<tr>", -1).length - 1).as("a row per trade, plus the header").isEqualTo(400 + 1);
    assertThat(html).doesNotContain("<script", "src=", "href=", "@import", "url(");
    // the 20 000-point curve is thinned for drawing, keeping each column's extremes
    String equityChart = html.substring(html.indexOf("<svg class=\"chart equity\""), html.indexOf("</svg>"));
    String points = equityChart.substring(equityChart.indexOf("points=\"") + 8);
    int drawn = points.substring(0, points.indexOf('"')).split(" ").length;
    assertThat(drawn).isLessThanOrEqualTo(4 * 860 + 4).isGreaterThan(860);
  }

  @Test
  void numbersAreRoundedHalfEvenFromTheirExactValueAndNegativeZeroIsZero() {
    assertThat(ReportFormat.number(0.1)).isEqualTo("0.100000");
    assertThat(ReportFormat.number(-0.0000001)).isEqualTo("0.000000");
    assertThat(ReportFormat.number(-0.0)).isEqualTo("0.000000");
    assertThat(ReportFormat.number(1e15 / 3)).isEqualTo("333333333333333.312500");
    assertThat(ReportFormat.number(Double.NaN)).isNull();
    assertThat(ReportFormat.time(T0 + 1_500_000)).isEqualTo("2013-01-02T00:00:00.0015Z");
    assertThat(ReportFormat.human(-1234567.891, 2)).isEqualTo("-1,234,567.89");
    assertThat(ReportFormat.percent(0.123456)).isEqualTo("12.35 %");
  }
}
