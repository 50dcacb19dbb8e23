package dev.tierbus.trading.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tierbus.event.Attributes;
import dev.tierbus.event.Bar;
import dev.tierbus.event.BarOpen;
import dev.tierbus.event.BookUpdate;
import dev.tierbus.event.Direction;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Fill;
import dev.tierbus.event.IndicatorValue;
import dev.tierbus.event.Notice;
import dev.tierbus.event.Order;
import dev.tierbus.event.Payload;
import dev.tierbus.event.PortfolioUpdate;
import dev.tierbus.event.Quote;
import dev.tierbus.event.RegimeChange;
import dev.tierbus.event.Side;
import dev.tierbus.event.Signal;
import dev.tierbus.event.Tick;
import dev.tierbus.event.Trade;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventLineTest {

  /** A user's own payload type: a record outside the event package. */
  public record Spread(String leg1, String leg2, double value, List<Double> history) implements Payload {}

  private static final long T = 1_099_526_400_000_000_123L; // 2004-11-04T00:00:00.000000123Z

  static List<Event> everyPayload() {
    return List.of(
        Event.of(EventType.BAR, "data", "GOOG", T, new Bar("1D", 100.0, 104.06, 95.96, 100.34, 22351900)),
        Event.of(EventType.BAR_OPEN, "data", "GOOG", T, new BarOpen("1D", 100.0)),
        Event.of(EventType.TICK, "data", "BTCUSD", T, new Tick(800.01, 0.1)),
        Event.of(EventType.QUOTE, "data", "ES", T, new Quote(4500.25, 10, 4500.5, 12)),
        Event.of(EventType.TRADE, "data", "ES", T, new Trade(4500.5, 3, Side.BUY)),
        Event.of(EventType.BOOK_UPDATE, "data", "ES", T, new BookUpdate(Side.SELL, 2, 4501, 0)),
        Event.of(EventType.SIGNAL, "momentum", "GOOG", T, new Signal(Direction.SHORT, -1.0, "crossed \"below\"", "momentum"))
            .withHeader("timeframe", "1D"),
        Event.of(EventType.INDICATOR, "ind", "GOOG", T, new IndicatorValue("MACD", Map.of("fast", 12.0, "slow", 26.0,
            "signal", 9.0), Map.of("macd", 1.5, "signal", -0.25, "histogram", 1.75), "1D")),
        Event.of(EventType.ORDER, "exec", "GOOG", T, new Order("o-1", Side.BUY, 10, Double.NaN, "signal")),
        Event.of(EventType.FILL, "exec", "GOOG", T, new Fill("o-1", Side.BUY, 10, 101.5, 1.0)),
        Event.of(EventType.PORTFOLIO_UPDATE, "pf", null, T, new PortfolioUpdate(1000, 2015, 5, 10,
            Map.of("GOOG", 10.0, "AAPL", -5.0))),
        Event.of(EventType.REGIME_CHANGE, "regime", null, T, new RegimeChange("bull", "bear", 0.8)),
        Event.of(EventType.RISK_ALERT, "risk", "GOOG", T, new Notice("max_position_pct", "over 10%")),
        Event.of(EventType.ANALYSIS_RESULT, "an", null, T, new Attributes(Map.of("sharpe", 1.25, "name", "run 1",
            "flags", List.of(true, false)))),
        Event.of(EventType.ANALYSIS_RESULT, "an", "X", T, new Spread("A", "B", -2.5, List.of(1.5, 2.0))),
        Event.of(EventType.SYSTEM, "node", null, T, null));
  }

  @Test
  void everyPayloadComesBackEqualThroughItsJsonLine() {
    for (Event e : everyPayload()) {
      String line = EventLine.toJson(e).encode();
      assertThat(line).as(line).doesNotContain("\n");
      assertThat(EventLine.fromJson(new JsonObject(line))).as(line).isEqualTo(e);
    }
  }

  @Test
  void theLineHasTypeSourceSymbolUtcTimeAndASnakeCasePayload() {
    Event order = Event.of(EventType.ORDER, "exec", "GOOG", T, new Order("o-1", Side.BUY, 10, Double.NaN, "signal"));
    JsonObject json = EventLine.toJson(order);
    assertThat(json.getString("type")).isEqualTo("ORDER");
    assertThat(json.getString("source")).isEqualTo("exec");
    assertThat(json.getString("symbol")).isEqualTo("GOOG");
    assertThat(json.getString("time")).isEqualTo("2004-11-04T00:00:00.000000123Z");
    assertThat(json.getLong("id")).isEqualTo(order.id());
    assertThat(json.getString("payload_type")).isEqualTo("Order");
    assertThat(json.getJsonObject("payload").encode()).isEqualTo(
        "{\"order_id\":\"o-1\",\"side\":\"BUY\",\"quantity\":10.0,\"limit_price\":null,\"reason\":\"signal\","
        + "\"notional\":null,\"whole_units\":false}");
    assertThat(json.containsKey("headers")).isFalse();
    JsonObject user = EventLine.toJson(everyPayload().get(14));
    assertThat(user.getString("payload_type")).isEqualTo(Spread.class.getName());
  }

  @Test
  void aLineThatIsNotAnEventSaysWhichFieldIsWrong() {
    assertThatThrownBy(() -> EventLine.fromJson(new JsonObject().put("type", "SIGNAL").put("source", "s")))
        .hasMessageStartingWith("time: required");
    assertThatThrownBy(() -> EventLine.fromJson(new JsonObject().put("type", "SIGNAL").put("source", "s")
        .put("time", "yesterday"))).hasMessageStartingWith("time: expected an ISO-8601 instant");
    assertThatThrownBy(() -> EventLine.fromJson(new JsonObject().put("type", "SIGNAL").put("source", "s")
        .put("time", "2004-11-04T00:00:00Z").put("payload_type", "Signal")
        .put("payload", new JsonObject().put("direction", "UP").put("strength", 0.5))))
        .hasMessageContaining("payload.direction");
    assertThatThrownBy(() -> EventLine.fromJson(new JsonObject().put("type", "SIGNAL").put("source", "s")
        .put("time", "2004-11-04T00:00:00Z").put("payload_type", "Signal")
        .put("payload", new JsonObject().put("direction", "LONG").put("strength", 2))))
        .hasMessageContaining("strength must be in [-1, 1], was 2.0");
    assertThatThrownBy(() -> EventLine.fromJson(new JsonObject().put("type", "SIGNAL").put("source", "s")
        .put("time", "2004-11-04T00:00:00Z").put("payload_type", "Nothing").put("payload", new JsonObject())))
        .hasMessage("payload_type: no payload class dev.tierbus.event.Nothing on the class path");
  }

  @Test
  void nanAndInfiniteNumbersAreWrittenAsNullAndReadBackAsNaN() {
    Event e = Event.of(EventType.ANALYSIS_RESULT, "an", "X", T, new Spread("A", "B", Double.POSITIVE_INFINITY, List.of()));
    JsonObject json = EventLine.toJson(e);
    assertThat(json.getJsonObject("payload").getValue("value")).isNull();
    assertThat(((Spread) EventLine.fromJson(json).payload()).value()).isNaN();
  }
}
