package dev.tierbus.api.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Direction;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.PortfolioUpdate;
import dev.tierbus.event.Signal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EquityCurveTest {

  private static Event update(String source, long timeMs, double equity) {
    return Event.of(EventType.PORTFOLIO_UPDATE, source, null, timeMs * 1_000_000L,
        new PortfolioUpdate(0, equity, 0, 0, Map.of()));
  }

  private static JsonObject curve(EquityCurve c, int i) {
    return c.toJson().getJsonObject(i);
  }

  @Test
  void keepsEveryPointUntilFullThenMergesTheOlderHalfPairwiseKeepingTheEarlierPoint() {
    EquityCurve c = new EquityCurve(8);
    for (int i = 1; i <= 8; i++) {
      c.record(update("pf", i, 100 + i));
    }
    assertThat(curve(c, 0).getJsonArray("time_ms")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    c.record(update("pf", 9, 109));
    // 1..4 became (1), (3); 5..8 stay; 9 added
    JsonObject after = curve(c, 0);
    assertThat(after.getInteger("points")).isEqualTo(7);
    assertThat(after.getJsonArray("time_ms")).containsExactly(1L, 3L, 5L, 6L, 7L, 8L, 9L);
    assertThat(after.getJsonArray("equity")).containsExactly(101.0, 103.0, 105.0, 106.0, 107.0, 108.0, 109.0);
  }

  @Test
  void aLongRunStaysBoundedInOrderAndEndsWithTheLatestPoint() {
    EquityCurve c = new EquityCurve(2000);
    for (int i = 0; i < 300_000; i++) {
      c.record(update("pf", i, i));
    }
    JsonObject last = curve(c, 0);
    JsonArray times = last.getJsonArray("time_ms");
    assertThat(last.getInteger("points")).isBetween(1000, 2000);
    assertThat(times.getLong(0)).as("the start of the run is still on the curve").isZero();
    assertThat(times.getLong(times.size() - 1)).isEqualTo(299_999L);
    for (int i = 1; i < times.size(); i++) {
      assertThat(times.getLong(i)).isGreaterThan(times.getLong(i - 1));
    }
  }

  @Test
  void oneCurvePerSourceUpToTheCapAndOnlyFiniteEquityOfPortfolioUpdates() {
    EquityCurve c = new EquityCurve(8);
    c.record(update("a", 1, 1));
    c.record(update("b", 1, 2));
    c.record(update("a", 2, Double.NaN));
    c.record(Event.of(EventType.SIGNAL, "a", "X", 3_000_000L, new Signal(Direction.LONG, 1, "r", "s")));
    assertThat(c.points("a")).isEqualTo(1);
    assertThat(c.points("b")).isEqualTo(1);
    for (int i = 0; i < 2 * EquityCurve.MAX_SOURCES; i++) {
      c.record(update("s" + i, 1, 1));
    }
    assertThat(c.toJson()).hasSize(EquityCurve.MAX_SOURCES);
    c.clear();
    assertThat(c.toJson()).isEmpty();
  }
}
