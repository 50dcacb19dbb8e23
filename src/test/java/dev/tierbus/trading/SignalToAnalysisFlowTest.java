package dev.tierbus.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tierbus.event.AnalysisReport;
import dev.tierbus.event.Bar;
import dev.tierbus.event.Direction;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Fill;
import dev.tierbus.event.Order;
import dev.tierbus.event.PortfolioUpdate;
import dev.tierbus.event.RiskAlert;
import dev.tierbus.event.Side;
import dev.tierbus.event.Signal;
import dev.tierbus.trading.analysis.AnalysisResult;
import dev.tierbus.trading.analysis.RoundTrip;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIGNAL → risk → ORDER → execution (+ BAR_OPEN / BAR) → FILL → portfolio → PORTFOLIO_UPDATE →
 * analysis, with every number worked out by hand.
 */
@Timeout(60)
class SignalToAnalysisFlowTest {

  private static final long DAY = 86_400_000_000_000L;
  /** 2013-01-02T00:00:00Z. */
  private static final long T1 = 1_357_084_800_000_000_000L;
  private static final long T2 = T1 + DAY;
  private static final long T3 = T1 + 2 * DAY;
  private static final long T4 = T1 + 3 * DAY;
  private static final double EPS = 1e-6;

  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private static Signal signal(Direction d) {
    return new Signal(d, d == Direction.LONG ? 1 : d == Direction.SHORT ? -1 : 0, "hand-made", "strategy");
  }

  @Test
  void aLongThenFlatSignalBecomesOneRoundTripWithCommissionAndSlippage() {
    JsonObject risk = new JsonObject().put("sizing", new JsonObject().put("method", "fixed_quantity").put("quantity", 100));
    JsonObject execution = new JsonObject().put("commission_pct", 0.1).put("slippage_bps", 10);
    try (TradingFlow flow = TradingFlow.deploy(vertx, null, risk, execution, new JsonObject(),
        new JsonObject().put("report_every_bars", 0))) {
      // day 1: the signal bar; risk orders 100 at the close 100
      flow.barOpen("AAPL", T1, 100);
      flow.bar("AAPL", T1, new Bar("1D", 100, 101, 99, 100, 1e6));
      flow.signal("AAPL", T1, signal(Direction.LONG));
      assertThat(flow.seen(EventType.ORDER)).singleElement().satisfies(e -> {
        assertThat(e.source()).isEqualTo("risk");
        assertThat(e.symbol()).isEqualTo("AAPL");
        assertThat(e.timeNanos()).isEqualTo(T1);
        assertThat(e.payloadAs(Order.class).orderId()).isEqualTo("risk-0-1");
        assertThat(e.payloadAs(Order.class).quantity()).isEqualTo(100);
      });
      assertThat(flow.seen(EventType.FILL)).isEmpty();

      // day 2: filled at the open 102 + 10 bps = 102.102, commission 0.1 % × 10 210.2 = 10.2102
      //        cash 100 000 − 10 210.2 − 10.2102 = 89 779.5898; at the close 105 equity 100 279.5898
      flow.barOpen("AAPL", T2, 102);
      Fill buy = flow.seen(EventType.FILL).get(0).payloadAs(Fill.class);
      assertThat(buy.side()).isEqualTo(Side.BUY);
      assertThat(buy.price()).isCloseTo(102.102, within(EPS));
      assertThat(buy.commission()).isCloseTo(10.2102, within(EPS));
      assertThat(flow.seen(EventType.FILL).get(0).timeNanos()).isEqualTo(T2);
      flow.bar("AAPL", T2, new Bar("1D", 102, 106, 101, 105, 1e6));
      flow.signal("AAPL", T2, signal(Direction.LONG)); // already long: nothing
      PortfolioUpdate afterBar2 = last(flow, T2);
      assertThat(afterBar2.cash()).isCloseTo(89_779.5898, within(EPS));
      assertThat(afterBar2.equity()).isCloseTo(100_279.5898, within(EPS));
      assertThat(afterBar2.positions()).containsEntry("AAPL", 100.0);

      // day 3: the close 96 → equity 89 779.5898 + 9 600 = 99 379.5898; FLAT → sell 100
      flow.barOpen("AAPL", T3, 104);
      flow.bar("AAPL", T3, new Bar("1D", 104, 104, 95, 96, 1e6));
      flow.signal("AAPL", T3, signal(Direction.FLAT));
      assertThat(last(flow, T3).equity()).isCloseTo(99_379.5898, within(EPS));
      assertThat(flow.seen(EventType.ORDER)).hasSize(2);
      assertThat(flow.seen(EventType.ORDER).get(1).payloadAs(Order.class).side()).isEqualTo(Side.SELL);

      // day 4: sold at 97 − 10 bps = 96.903, commission 9.6903;
      //        cash 89 779.5898 + 9 690.3 − 9.6903 = 99 460.1995, flat
      flow.barOpen("AAPL", T4, 97);
      flow.bar("AAPL", T4, new Bar("1D", 97, 98, 96, 97.5, 1e6));
      Fill sell = flow.seen(EventType.FILL).get(1).payloadAs(Fill.class);
      assertThat(sell.price()).isCloseTo(96.903, within(EPS));
      assertThat(sell.commission()).isCloseTo(9.6903, within(EPS));
      PortfolioUpdate end = last(flow, T4);
      assertThat(end.cash()).isCloseTo(99_460.1995, within(EPS));
      assertThat(end.equity()).isCloseTo(99_460.1995, within(EPS));
      assertThat(end.positions()).isEmpty();
      // realized: −19.9005 commissions + (96.903 − 102.102) × 100 = −539.8005
      assertThat(end.realizedPnl()).isCloseTo(-539.8005, within(EPS));

      // one update per fill and per bar: 4 bars + 2 fills
      assertThat(flow.seen(EventType.PORTFOLIO_UPDATE)).hasSize(6);
      assertThat(flow.portfolio().latest()).isEqualTo(end);

      AnalysisResult result = flow.analysis().result();
      // points: 100 000, 100 279.5898, 99 379.5898, 99 460.1995
      assertThat(result.equity()).extracting(p -> p.timeNanos()).containsExactly(T1, T2, T3, T4);
      assertThat(result.equity().get(1).equity()).isCloseTo(100_279.5898, within(EPS));
      RoundTrip trade = result.trades().get(0);
      assertThat(result.trades()).hasSize(1);
      assertThat(trade.open()).isFalse();
      assertThat(trade.entryTimeNanos()).isEqualTo(T2);
      assertThat(trade.exitTimeNanos()).isEqualTo(T4);
      assertThat(trade.pnl()).isCloseTo(-539.8005, within(EPS));
      // return −539.8005 / 10 210.2
      assertThat(trade.returnFraction()).isCloseTo(-539.8005 / 10_210.2, within(1e-12));
      // total return 99 460.1995 / 100 000 − 1; drawdown 900 / 100 279.5898; exposure 2 of 4 points
      assertThat(result.metrics().totalReturn()).isCloseTo(-0.005398005, within(1e-12));
      assertThat(result.metrics().maxDrawdown()).isCloseTo(900 / 100_279.5898, within(1e-12));
      assertThat(result.metrics().exposure()).isEqualTo(0.5);
      assertThat(result.metrics().winRate()).isZero();

      flow.analysis().publishReport().await();
      flow.router.inFlight().whenZero().await();
      assertThat(flow.seen(EventType.ANALYSIS_REPORT)).singleElement().satisfies(e -> {
        AnalysisReport report = e.payloadAs(AnalysisReport.class);
        assertThat(report.finalReport()).isTrue();
        assertThat(report.tradeCount()).isEqualTo(1);
        assertThat(report.endEquity()).isCloseTo(99_460.1995, within(EPS));
        assertThat(e.timeNanos()).isEqualTo(T4);
      });
      assertThat(flow.risk().manager().book().cash()).isCloseTo(end.cash(), within(1e-9));
      assertThat(flow.risk().failedPublications() + flow.execution().failedPublications()
          + flow.portfolio().failedPublications()).isZero();
    }
  }

  @Test
  void riskAlertsAndBrokerRejectionsTravelAsEvents() {
    JsonObject risk = new JsonObject().put("max_position_pct", 5).put("initial_capital", 1_000)
        .put("sizing", new JsonObject().put("method", "percent_of_equity").put("percent", 50));
    JsonObject execution = new JsonObject().put("commission_min", 10);
    JsonObject riskAllIn = new JsonObject().put("initial_capital", 5)
        .put("sizing", new JsonObject().put("method", "all_in"));
    try (TradingFlow flow = TradingFlow.deploy(vertx, null, risk, execution, new JsonObject(), new JsonObject())) {
      flow.bar("AAPL", T1, new Bar("1D", 10, 10, 10, 10, 1));
      flow.signal("AAPL", T1, signal(Direction.LONG));

      // 50 % of 1 000 at 10 = 50 units = 500, above 5 % = 50: reduced to 5 units
      assertThat(flow.seen(EventType.RISK_ALERT)).singleElement().satisfies(e -> {
        assertThat(e.source()).isEqualTo("risk");
        assertThat(e.symbol()).isEqualTo("AAPL");
        RiskAlert alert = e.payloadAs(RiskAlert.class);
        assertThat(alert.code()).isEqualTo("max_position_pct");
        assertThat(alert.message()).endsWith("above max_position_pct 5.00%: reduced to 5.000000");
      });
      assertThat(flow.seen(EventType.ORDER).get(0).payloadAs(Order.class).quantity()).isCloseTo(5, within(EPS));
    }
    try (TradingFlow flow = TradingFlow.deploy(vertx, null, riskAllIn, execution, new JsonObject(), new JsonObject())) {
      flow.bar("AAPL", T1, new Bar("1D", 10, 10, 10, 10, 1));
      flow.signal("AAPL", T1, signal(Direction.LONG));
      flow.barOpen("AAPL", T2, 10);

      // all the cash is 5, less than the minimum commission 10: the broker rejects it, risk forgets it
      List<Event> alerts = flow.seen(EventType.RISK_ALERT);
      assertThat(alerts).singleElement().satisfies(e -> {
        assertThat(e.source()).isEqualTo("execution");
        assertThat(e.payloadAs(RiskAlert.class).code()).isEqualTo("order_rejected");
        assertThat(e.payloadAs(RiskAlert.class).detail(RiskAlert.ORDER_ID)).isEqualTo("risk-0-1");
      });
      assertThat(flow.seen(EventType.FILL)).isEmpty();
      assertThat(flow.risk().manager().pendingOrders()).isZero();
    }
  }

  @Test
  void withSeveralSymbolsTheEquityCurveHasOnePointPerBarTimeMarkedAtEveryClose() {
    JsonObject risk = new JsonObject().put("sizing", new JsonObject().put("method", "fixed_quantity").put("quantity", 10));
    try (TradingFlow flow = TradingFlow.deploy(vertx, null, risk, new JsonObject(), new JsonObject(), new JsonObject())) {
      long[] days = {T1, T2, T3};
      double[][] closes = {{100, 50}, {110, 40}, {120, 45}};
      for (int d = 0; d < days.length; d++) {
        flow.barOpen("AAPL", days[d], closes[d][0]);
        flow.barOpen("MSFT", days[d], closes[d][1]);
        flow.bar("AAPL", days[d], new Bar("1D", closes[d][0], closes[d][0], closes[d][0], closes[d][0], 1));
        flow.bar("MSFT", days[d], new Bar("1D", closes[d][1], closes[d][1], closes[d][1], closes[d][1], 1));
        if (d == 0) {
          flow.signal("MSFT", T1, signal(Direction.LONG)); // 10 MSFT at the open of day 2: 40
        }
      }

      // 3 bar times, 2 symbols: 6 bar updates and 1 fill update, but 3 points
      assertThat(flow.seen(EventType.PORTFOLIO_UPDATE)).hasSize(7);
      AnalysisResult result = flow.analysis().result();
      assertThat(result.equity()).extracting(p -> p.timeNanos()).containsExactly(T1, T2, T3);
      // day 2: 100 000 − 400 + 10 × 40 = 100 000; day 3: 99 600 + 10 × 45 = 100 050
      assertThat(result.equity()).extracting(p -> p.equity()).containsExactly(100_000.0, 100_000.0, 100_050.0);
      assertThat(result.metrics().exposure()).isCloseTo(2.0 / 3, within(1e-12));
      assertThat(result.trades()).singleElement().satisfies(t -> {
        assertThat(t.open()).isTrue();
        assertThat(t.symbol()).isEqualTo("MSFT");
        assertThat(t.pnl()).isCloseTo(50, within(EPS)); // marked at the last close 45
      });
    }
  }

  /** The portfolio's last update at {@code time}. */
  private static PortfolioUpdate last(TradingFlow flow, long time) {
    List<Event> updates = flow.seen(EventType.PORTFOLIO_UPDATE).stream().filter(e -> e.timeNanos() == time).toList();
    assertThat(updates).as("updates at %s", time).isNotEmpty();
    return updates.get(updates.size() - 1).payloadAs(PortfolioUpdate.class);
  }
}
