package dev.tierbus.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tierbus.event.AnalysisReport;
import dev.tierbus.event.Bar;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Fill;
import dev.tierbus.event.Order;
import dev.tierbus.event.PortfolioUpdate;
import dev.tierbus.event.Side;
import dev.tierbus.trading.analysis.AnalysisResult;
import dev.tierbus.trading.analysis.RoundTrip;
import dev.tierbus.trading.report.ReportWriter;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A year of real AAPL daily bars (2013, 252 bars) through a momentum strategy, risk, the paper
 * broker, the portfolio and the analysis, driven like a backtest: per day, BAR_OPEN, settle, BAR,
 * settle. The accounting is checked at every bar, the sizing at every fill.
 */
@Timeout(120)
class AaplBacktestFlowTest {

  private static final double INITIAL = 100_000;

  private record Day(long time, Bar bar) {}

  private static List<Day> aapl2013() throws Exception {
    List<Day> days = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        AaplBacktestFlowTest.class.getResourceAsStream("/data/aapl_daily_2013.csv"), StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",");
        long time = LocalDate.parse(f[0]).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
        days.add(new Day(time, new Bar("1D", Double.parseDouble(f[1]), Double.parseDouble(f[2]),
            Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]))));
      }
    }
    return days;
  }

  private static final JsonObject MOMENTUM = new JsonObject().put("strategy", new JsonObject()
      .put("type", "momentum").put("fast_period", 10).put("slow_period", 30).put("signal_threshold", 0.001));

  private Vertx vertx;

  @TempDir
  Path tmp;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  /** Runs the year; returns the flow (still deployed) for inspection. */
  private static TradingFlow run(Vertx vertx, List<Day> days, JsonObject risk, JsonObject execution) {
    TradingFlow flow = TradingFlow.deploy(vertx, MOMENTUM, risk, execution,
        new JsonObject().put("initial_capital", INITIAL), new JsonObject().put("report_every_bars", 50));
    for (Day d : days) {
      flow.barOpen("AAPL", d.time(), d.bar().open());
      flow.bar("AAPL", d.time(), d.bar());
    }
    return flow;
  }

  @Test
  void allInWithoutCostsBuysExactlyWhatTheCashBuysAtTheNextOpenAndTheBooksBalanceAtEveryBar() throws Exception {
    List<Day> days = aapl2013();
    Map<Long, Bar> byTime = new HashMap<>();
    days.forEach(d -> byTime.put(d.time(), d.bar()));
    JsonObject risk = new JsonObject().put("initial_capital", INITIAL).put("sizing", new JsonObject().put("method", "all_in"));

    try (TradingFlow flow = run(vertx, days, risk, new JsonObject())) {
      List<Event> fills = flow.seen(EventType.FILL);
      List<Event> orders = flow.seen(EventType.ORDER);
      assertThat(fills).as("the strategy trades during the year").hasSizeGreaterThanOrEqualTo(4);
      assertThat(fills).hasSameSizeAs(orders);

      // every order fills at the open of the next day, in full, at exactly the open (no costs)
      for (int i = 0; i < fills.size(); i++) {
        Event fe = fills.get(i);
        Fill fill = fe.payloadAs(Fill.class);
        Order order = orders.get(i).payloadAs(Order.class);
        assertThat(fill.orderId()).isEqualTo(order.orderId()).isEqualTo("risk-0-" + (i + 1));
        assertThat(fe.timeNanos()).isGreaterThan(orders.get(i).timeNanos());
        int orderDay = indexOf(days, orders.get(i).timeNanos());
        assertThat(fe.timeNanos()).isEqualTo(days.get(orderDay + 1).time());
        assertThat(fill.price()).isEqualTo(byTime.get(fe.timeNanos()).open());
        assertThat(fill.commission()).isZero();
        assertThat(fill.side()).isEqualTo(i % 2 == 0 ? Side.BUY : Side.SELL);
        assertThat(order.isNotional()).isEqualTo(fill.side() == Side.BUY);
      }

      // all in: quantity × fill price is the cash before the fill, and the cash never goes below 0
      // (only a fill changes the cash, so an update with another cash than the one before is a fill's)
      double cashBefore = INITIAL;
      int fillIndex = 0;
      for (Event e : flow.seen(EventType.PORTFOLIO_UPDATE)) {
        PortfolioUpdate u = e.payloadAs(PortfolioUpdate.class);
        assertThat(u.cash()).as("cash at %s", e.time()).isGreaterThanOrEqualTo(0.0);
        if (u.cash() != cashBefore) {
          Fill fill = fills.get(fillIndex++).payloadAs(Fill.class);
          double value = fill.quantity() * fill.price();
          if (fill.side() == Side.BUY) {
            assertThat(value).isCloseTo(cashBefore, within(cashBefore * 1e-12));
            assertThat(u.cash()).isCloseTo(0.0, within(1e-6));
          } else {
            assertThat(u.cash()).isCloseTo(cashBefore + value, within(1e-6));
          }
        }
        cashBefore = u.cash();
      }
      assertThat(fillIndex).isEqualTo(fills.size());

      assertBooksBalanceAtEveryBar(flow, days);
      assertAnalysisAgreesWithThePortfolio(flow);
    }
  }

  @Test
  void withCostsAndWholeUnitsNothingIsOverspentAndTheRunIsDeterministic() throws Exception {
    List<Day> days = aapl2013();
    JsonObject risk = new JsonObject().put("initial_capital", INITIAL).put("whole_units", true)
        .put("sizing", new JsonObject().put("method", "all_in"));
    JsonObject execution = new JsonObject().put("commission_pct", 0.1).put("commission_min", 1).put("slippage_bps", 5);

    List<String> firstFills;
    byte[] firstJson;
    byte[] firstHtml;
    try (TradingFlow flow = run(vertx, days, risk, execution)) {
      List<Event> fills = flow.seen(EventType.FILL);
      assertThat(fills).hasSizeGreaterThanOrEqualTo(4);
      for (Event e : fills) {
        Fill fill = e.payloadAs(Fill.class);
        assertThat(fill.quantity()).isEqualTo(Math.rint(fill.quantity()));
        assertThat(fill.commission()).isGreaterThanOrEqualTo(1.0);
      }
      for (Event e : flow.seen(EventType.PORTFOLIO_UPDATE)) {
        assertThat(e.payloadAs(PortfolioUpdate.class).cash()).as("cash at %s", e.time()).isGreaterThanOrEqualTo(0.0);
      }
      assertBooksBalanceAtEveryBar(flow, days);
      assertAnalysisAgreesWithThePortfolio(flow);

      // periodic reports every 50 completed points: 50, 100, 150, 200, 250 of 252
      flow.analysis().publishReport().await();
      flow.router.inFlight().whenZero().await();
      List<AnalysisReport> reports = flow.seen(EventType.ANALYSIS_REPORT).stream()
          .map(e -> e.payloadAs(AnalysisReport.class)).toList();
      assertThat(reports).extracting(AnalysisReport::equityPoints).containsExactly(51L, 101L, 151L, 201L, 251L, 252L);
      assertThat(reports).extracting(AnalysisReport::finalReport).containsExactly(false, false, false, false, false, true);

      AnalysisResult result = flow.analysis().result();
      List<Path> files = new ReportWriter("AAPL 2013, momentum 10/30, all in").write(result, tmp.resolve("first"));
      firstFills = fills.stream().map(AaplBacktestFlowTest::describe).toList();
      firstJson = Files.readAllBytes(files.get(0));
      firstHtml = Files.readAllBytes(files.get(3));
      Path keep = Path.of("target", "aapl-2013-report");
      new ReportWriter("AAPL 2013, momentum 10/30, all in").write(result, keep);
    }
    try (TradingFlow again = run(vertx, days, risk, execution)) {
      assertThat(again.seen(EventType.FILL).stream().map(AaplBacktestFlowTest::describe).toList())
          .isEqualTo(firstFills);
      List<Path> files = new ReportWriter("AAPL 2013, momentum 10/30, all in")
          .write(again.analysis().result(), tmp.resolve("second"));
      assertThat(Files.readAllBytes(files.get(0))).isEqualTo(firstJson);
      assertThat(Files.readAllBytes(files.get(3))).isEqualTo(firstHtml);
    }
  }

  private static String describe(Event e) {
    return e.symbol() + " " + e.timeNanos() + " " + e.payload();
  }

  private static int indexOf(List<Day> days, long time) {
    for (int i = 0; i < days.size(); i++) {
      if (days.get(i).time() == time) {
        return i;
      }
    }
    throw new AssertionError("no day at " + time);
  }

  /** After each day's bar: equity = cash + position × close = initial + realized + unrealized. */
  private static void assertBooksBalanceAtEveryBar(TradingFlow flow, List<Day> days) {
    Map<Long, PortfolioUpdate> lastOfDay = new HashMap<>();
    for (Event e : flow.seen(EventType.PORTFOLIO_UPDATE)) {
      lastOfDay.put(e.timeNanos(), e.payloadAs(PortfolioUpdate.class));
    }
    assertThat(lastOfDay).hasSameSizeAs(days);
    int invested = 0;
    for (Day d : days) {
      PortfolioUpdate u = lastOfDay.get(d.time());
      double position = u.positions().getOrDefault("AAPL", 0.0);
      invested += position != 0 ? 1 : 0;
      assertThat(u.equity()).as("equity at %s", d.time())
          .isCloseTo(u.cash() + position * d.bar().close(), within(1e-6))
          .isCloseTo(INITIAL + u.realizedPnl() + u.unrealizedPnl(), within(1e-6));
    }
    assertThat(invested).as("days in the market").isGreaterThan(10).isLessThan(days.size());
  }

  /** The analysis' curve is the portfolio's bar marks, and the trades add up to the P&L. */
  private static void assertAnalysisAgreesWithThePortfolio(TradingFlow flow) {
    AnalysisResult result = flow.analysis().result();
    PortfolioUpdate last = flow.portfolio().latest();
    assertThat(result.equity()).hasSize(252);
    assertThat(result.metrics().endEquity()).isEqualTo(last.equity());
    assertThat(result.metrics().startEquity()).isEqualTo(INITIAL);
    double tradesPnl = result.trades().stream().mapToDouble(RoundTrip::pnl).sum();
    assertThat(tradesPnl).isCloseTo(last.equity() - INITIAL, within(1e-6));
    assertThat(result.metrics().tradeCount() + result.metrics().openTradeCount())
        .isEqualTo((flow.seen(EventType.FILL).size() + 1) / 2);
    assertThat(result.metrics().exposure()).isBetween(0.0, 1.0);
    assertThat(result.metrics().sharpe()).isFinite();
    assertThat(flow.risk().manager().book().equity()).isCloseTo(last.equity(), within(1e-6));
  }
}
