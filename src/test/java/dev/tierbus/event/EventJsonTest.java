package dev.tierbus.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  static final long T = Event.nanos(java.time.Instant.parse("2024-01-02T15:30:00Z"));

  /** A payload record this class does not know about. */
  record Custom(String name, double ratio, List<Integer> counts, Side side) implements Payload {}

  @Test
  void everyBuiltInPayloadRoundTrips() {
    List<Event> events = List.of(
        Event.of(EventType.BAR, "d", "AAPL", T, new Bar("1min", 1, 2, 0.5, 1.5, 100)),
        Event.of(EventType.BAR_OPEN, "d", "AAPL", T, new BarOpen("1D", 10)),
        Event.of(EventType.TICK, "d", "AAPL", T, new Tick(10, 2)),
        Event.of(EventType.QUOTE, "d", "AAPL", T, new Quote(9.9, 1, 10.1, 2)),
        Event.of(EventType.BOOK_UPDATE, "d", "AAPL", T, new BookUpdate(Side.SELL, 2, 10.2, 0)),
        Event.of(EventType.TRADE, "d", "AAPL", T, new Trade(10, 5, Side.BUY)),
        Event.of(EventType.SIGNAL, "s", "AAPL", T, new Signal(Direction.SHORT, -0.4, "r", "s")),
        Event.of(EventType.INDICATOR, "i", "AAPL", T, new IndicatorValue("MACD", Map.of("fast", 12.0),
            Map.of("macd", 0.1, "signal", 0.2), "1min")),
        Event.of(EventType.PORTFOLIO_UPDATE, "p", null, T, new PortfolioUpdate(1, 2, 3, 4, Map.of("AAPL", 10.0))),
        Event.of(EventType.REGIME_CHANGE, "r", null, T, new RegimeChange("bull", "bear", 0.8)),
        Event.of(EventType.ORDER, "x", "AAPL", T, new Order("o1", Side.BUY, 3, Double.NaN, "why")),
        Event.of(EventType.FILL, "x", "AAPL", T, new Fill("o1", Side.BUY, 3, 10, 0.01)),
        Event.of(EventType.RISK_ALERT, "k", null, T, new RiskAlert("max_dd", "too deep", java.util.Map.of("drawdown", "0.2"))),
        Event.of(EventType.ANALYSIS_RESULT, "a", null, T, new Attributes(Map.of("sharpe", 1.5, "name", "x"))));
    for (Event e : events) {
      JsonObject json = new JsonObject(EventJson.toJson(e).encode());
      Event back = EventJson.fromJson(json);
      assertThat(back.type()).isEqualTo(e.type());
      assertThat(back.source()).isEqualTo(e.source());
      assertThat(back.symbol()).isEqualTo(e.symbol());
      assertThat(back.timeNanos()).isEqualTo(e.timeNanos());
      if (e.payload() instanceof Order o) {
        Order b = (Order) back.payload();
        assertThat(b.isMarket()).isTrue();
        assertThat(b.orderId()).isEqualTo(o.orderId());
      } else {
        assertThat(back.payload()).as(e.type().name()).isEqualTo(e.payload());
      }
    }
  }

  @Test
  void fieldsAreSnakeCaseAndNaNIsNull() {
    JsonObject json = EventJson.toJson(Event.of(EventType.ORDER, "x", "AAPL", T,
        new Order("o1", Side.SELL, 3, Double.NaN, "why")));
    assertThat(json.getString("time")).isEqualTo("2024-01-02T15:30:00Z");
    assertThat(json.getJsonObject("payload").fieldNames()).containsExactly("order_id", "side", "quantity", "limit_price", "reason", "notional",
        "whole_units");
    assertThat(json.getJsonObject("payload").getValue("limit_price")).isNull();
    assertThat(json.getJsonObject("payload").getString("side")).isEqualTo("SELL");
  }

  @Test
  void aPayloadRecordAddedLaterIsWrittenFromItsComponentsAndReadOnceRegistered() {
    Event e = Event.of(EventType.OPTIMIZATION_RESULT, "o", null, T, new Custom("grid", 0.5, List.of(1, 2), Side.BUY));
    JsonObject p = EventJson.toJson(e).getJsonObject("payload");
    assertThat(p.encode()).isEqualTo("{\"name\":\"grid\",\"ratio\":0.5,\"counts\":[1,2],\"side\":\"BUY\"}");
    Class<? extends Payload> before = EventJson.payloadClass(EventType.OPTIMIZATION_RESULT);
    try {
      EventJson.registerPayload(EventType.OPTIMIZATION_RESULT, Custom.class);
      assertThat(EventJson.fromJson(EventJson.toJson(e)).payload()).isEqualTo(e.payload());
    } finally {
      EventJson.registerPayload(EventType.OPTIMIZATION_RESULT, before);
    }
  }

  @Test
  void badInputListsEveryProblemWithItsPath() {
    JsonObject bad = new JsonObject().put("type", "SIGNAL").put("time", "noon").put("x", 1)
        .put("payload", new JsonObject().put("direction", "UP").put("strength", "much").put("reason", 3));
    assertThatThrownBy(() -> EventJson.fromJson(bad))
        .isInstanceOfSatisfying(EventJsonException.class, e -> assertThat(e.problems()).extracting(EventJsonException.Problem::path)
            .containsExactlyInAnyOrder("x", "source", "time", "payload.direction", "payload.strength", "payload.reason"));
    JsonObject range = new JsonObject().put("type", "SIGNAL").put("source", "s")
        .put("payload", new JsonObject().put("direction", "LONG").put("strength", 3).putNull("reason").putNull("strategy"));
    assertThatThrownBy(() -> EventJson.fromJson(range)).isInstanceOfSatisfying(EventJsonException.class,
        e -> assertThat(e.problems()).containsExactly(new EventJsonException.Problem("payload.strength",
            "strength must be in [-1, 1], was 3.0")));
  }

  @Test
  void badTextInAFieldIsAProblemAtItsPathNeverAnExceptionOfTheEvent() {
    JsonObject order = new JsonObject().put("type", "ORDER").put("source", "ri\u0000sk").put("symbol", "X\uD800")
        .put("headers", new JsonObject().put("trace", "a\u0007b"))
        .put("payload", new JsonObject().put("order_id", "o\u0000").put("side", "BUY").put("quantity", -1)
            .putNull("limit_price").put("reason", "r").putNull("notional").put("whole_units", false));
    assertThatThrownBy(() -> EventJson.fromJson(order)).isInstanceOfSatisfying(EventJsonException.class,
        e -> assertThat(e.problems()).containsExactlyInAnyOrder(
            new EventJsonException.Problem("source", "holds the control character U+0000 at index 2"),
            new EventJsonException.Problem("symbol", "holds an unpaired UTF-16 surrogate U+D800 at index 1"),
            new EventJsonException.Problem("headers.trace", "holds the control character U+0007 at index 1"),
            new EventJsonException.Problem("payload.order_id", "order_id holds the control character U+0000 at index 1")));
    JsonObject tooLong = new JsonObject().put("type", "SIGNAL").put("source", "s").put("symbol", "A".repeat(65))
        .put("payload", new JsonObject().put("direction", "LONG").put("strength", 0.5).put("reason", "r")
            .put("strategy", "s"));
    assertThatThrownBy(() -> EventJson.fromJson(tooLong)).isInstanceOfSatisfying(EventJsonException.class,
        e -> assertThat(e.problems()).containsExactly(
            new EventJsonException.Problem("symbol", "is 65 characters long, at most 64 are allowed")));
    JsonObject missingSide = order.copy().put("source", "risk").put("symbol", "X")
        .put("headers", new JsonObject())
        .put("payload", order.getJsonObject("payload").copy().put("order_id", "o1").put("quantity", 1).putNull("side"));
    assertThatThrownBy(() -> EventJson.fromJson(missingSide)).isInstanceOfSatisfying(EventJsonException.class,
        e -> assertThat(e.problems()).containsExactly(new EventJsonException.Problem("payload.side", "required")));
  }
}
