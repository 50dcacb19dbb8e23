package dev.tierbus.trading.printer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.AnalysisReport;
import dev.tierbus.event.Bar;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Fill;
import dev.tierbus.event.IndicatorValue;
import dev.tierbus.event.Order;
import dev.tierbus.event.PortfolioUpdate;
import dev.tierbus.event.Quote;
import dev.tierbus.event.RiskAlert;
import dev.tierbus.event.Side;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTextTest {

  private static String text(EventType type, Object payload) {
    return EventText.payload(Event.of(type, "x", "GOOG", 0, (dev.tierbus.event.Payload) payload));
  }

  @Test
  void ordersAndFillsReadAsATraderWritesThem() {
    assertThat(text(EventType.ORDER, Order.market("risk-a-1", Side.BUY, 120, "signal LONG")))
        .isEqualTo("BUY 120 @ market (order risk-a-1): signal LONG");
    assertThat(text(EventType.ORDER, Order.marketNotional("risk-a-2", Side.BUY, 50_000, 123.456789123, true, null)))
        .isEqualTo("BUY for 50000.00 (about 123.456789) @ market (order risk-a-2)");
    assertThat(text(EventType.ORDER, new Order("risk-a-3", Side.SELL, 0.5, 101.123456, "take profit")))
        .isEqualTo("SELL 0.5 @ limit 101.1235 (order risk-a-3): take profit");
    assertThat(text(EventType.FILL, new Fill("risk-a-1", Side.BUY, 120, 101.25, 6.0751)))
        .isEqualTo("BUY 120 @ 101.25 commission 6.08 (order risk-a-1)");
  }

  @Test
  void undefinedNumbersAreLeftOutNeverPrintedAsNaN() {
    AnalysisReport early = new AnalysisReport(false, 1, 100_000, 100_000, 0, Double.NaN, Double.NaN, Double.NaN, 0,
        0, 0, Double.NaN, 0);
    String s = text(EventType.ANALYSIS_REPORT, early);
    assertThat(s).isEqualTo("equity 100000.00 return 0.00 % max drawdown 0.00 % trades 0 exposure 0.00 %")
        .doesNotContain("NaN");
    IndicatorValue macd = new IndicatorValue("MACD", Map.of("fast", 12.0, "slow", 26.0),
        Map.of("macd", 1.23456, "signal", Double.NaN), "1D");
    assertThat(text(EventType.INDICATOR, macd)).isEqualTo("MACD(fast 12, slow 26) macd 1.2346 [1D]");
  }

  @Test
  void barsPortfolioAndAlertsAreShort() {
    assertThat(text(EventType.BAR, new Bar("1D", 100, 101.5, 99.25, 100.125, 1_234_567)))
        .isEqualTo("O 100.00 H 101.50 L 99.25 C 100.125 V 1234567 [1D]");
    assertThat(text(EventType.PORTFOLIO_UPDATE, new PortfolioUpdate(1_000.5, 1_250_000.126, 10, -2.5,
        Map.of("MSFT", 3.0, "GOOG", 10.0))))
        .isEqualTo("equity 1250000.13 cash 1000.50 realized 10.00 unrealized -2.50 positions GOOG 10 MSFT 3");
    assertThat(text(EventType.RISK_ALERT, new RiskAlert("stop_loss_pct", "GOOG 8.1 % below its cost")))
        .isEqualTo("stop_loss_pct: GOOG 8.1 % below its cost");
  }

  @Test
  void otherPayloadsAreTheirJsonWithoutRecordDumps() {
    assertThat(text(EventType.QUOTE, new Quote(1.5, 10, 1.6, 12)))
        .startsWith("{").contains("\"bid_price\":1.5").doesNotContain("Quote[");
  }
}
