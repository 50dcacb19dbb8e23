package dev.tierbus.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tierbus.event.impl.BuiltInPayloadCodecs;
import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payloads of the trading containers (orders by notional, risk alerts, analysis reports) on the wire. */
class TradingPayloadCodecTest {

  private static final EventCodec CODEC = new EventCodec();

  private static Event roundTrip(Event event) {
    Buffer wire = Buffer.buffer();
    CODEC.encodeToWire(wire, event);
    return CODEC.decodeFromWire(0, wire);
  }

  private static Buffer wire(Event event) {
    Buffer wire = Buffer.buffer();
    CODEC.encodeToWire(wire, event);
    return wire;
  }

  @Test
  void riskAlertAndAnalysisReportHaveCodesAfterTheExistingOnes() {
    assertThat(PayloadCodecs.forType(RiskAlert.class).code()).isEqualTo(BuiltInPayloadCodecs.RISK_ALERT).isEqualTo(24);
    assertThat(PayloadCodecs.forType(AnalysisReport.class).code())
        .isEqualTo(BuiltInPayloadCodecs.ANALYSIS_REPORT).isEqualTo(25);
    assertThat(BuiltInPayloadCodecs.RISK_ALERT).isGreaterThan(BuiltInPayloadCodecs.NOTICE);
  }

  @Test
  void riskAlertRoundTripsWithSortedDetails() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("zeta", "1");
    details.put(RiskAlert.ORDER_ID, "risk-7");
    details.put("limit_pct", "10.0");
    RiskAlert alert = new RiskAlert("max_position_pct", "position would be 12.0% of equity, above 10.0%", details);
    Event sent = Event.of(EventType.RISK_ALERT, "risk", "AAPL", 42L, alert);

    Event back = roundTrip(sent);

    assertThat(back).isEqualTo(sent);
    assertThat(back.payloadAs(RiskAlert.class).details().keySet()).containsExactly("limit_pct", "order_id", "zeta");
    assertThat(back.payloadAs(RiskAlert.class).detail(RiskAlert.ORDER_ID)).isEqualTo("risk-7");
  }

  @Test
  void analysisReportRoundTripsIncludingUndefinedRatios() {
    AnalysisReport report = new AnalysisReport(true, 252, 100_000, 112_345.67, 0.1234567, 0.1301, 1.25,
        Double.NaN, 0.0875, 7, 1, 4.0 / 7, 0.61);
    Event sent = Event.of(EventType.ANALYSIS_REPORT, "analysis", null, 7L, report);

    Event back = roundTrip(sent);

    assertThat(back).isEqualTo(sent);
    assertThat(back.payloadAs(AnalysisReport.class).sortino()).isNaN();
  }

  @Test
  void notionalOrderRoundTripsWithItsFlags() {
    Order order = Order.marketNotional("risk-1", Side.BUY, 99_500.25, 995.0025, true, "all in");
    Event sent = Event.of(EventType.ORDER, "risk", "AAPL", 1L, order);

    Order back = roundTrip(sent).payloadAs(Order.class);

    assertThat(back).isEqualTo(order);
    assertThat(back.isNotional()).isTrue();
    assertThat(back.wholeUnits()).isTrue();
    assertThat(back.notional()).isEqualTo(99_500.25);
  }

  @Test
  void orderByQuantityIsWrittenExactlyAsBeforeTheNotionalExisted() {
    Order order = new Order("o-2", Side.SELL, 0.25, 64000.5, "limit");
    byte[] now = wire(Event.of(EventType.ORDER, "exec", "BTC", 5L, order)).getBytes();

    // The layout before notional orders existed: id, side code, quantity, limit, reason; then the
    // event's header count (0). Strings are varint(length + 1) and UTF-8.
    Buffer expected = Buffer.buffer()
        .appendByte((byte) 4).appendString("o-2")
        .appendByte((byte) Side.SELL.code())
        .appendDouble(0.25)
        .appendDouble(64000.5)
        .appendByte((byte) 6).appendString("limit")
        .appendByte((byte) 0);
    byte[] tail = java.util.Arrays.copyOfRange(now, now.length - expected.length(), now.length);
    assertThat(tail).containsExactly(expected.getBytes());
  }

  @Test
  void badOrderValuesAreRefusedNamingTheField() {
    assertThatThrownBy(() -> new Order("o", Side.BUY, 0, Double.NaN, null))
        .hasMessageContaining("quantity must be > 0");
    assertThatThrownBy(() -> Order.marketNotional("o", Side.BUY, -5, 1, false, null))
        .hasMessageContaining("notional must be NaN (order by quantity) or > 0");
    assertThatThrownBy(() -> new Order("o", Side.BUY, 1, -3, null))
        .hasMessageContaining("limitPrice must be NaN (market) or > 0");
  }
}
