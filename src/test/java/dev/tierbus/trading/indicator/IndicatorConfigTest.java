package dev.tierbus.trading.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.config.ParamReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IndicatorConfigTest {

  @Test
  void defaultsAreRsiMacdBollinger() {
    ParamReader r = ParamReader.of(new JsonObject());
    IndicatorConfig config = IndicatorConfig.read(r);
    assertThat(r.problems()).isEmpty();
    assertThat(Arrays.stream(config.newSeries()).map(Object::toString))
        .containsExactly("RSI(14)", "MACD(12,26,9)", "BOLLINGER(20,2.0)");
  }

  @Test
  void entriesTakeNamesOrObjectsWithParameters() {
    ParamReader r = ParamReader.of(new JsonObject().put("indicators", new JsonArray()
        .add("sma")
        .add(new JsonObject().put("type", "EMA").put("period", 5))
        .add(new JsonObject().put("type", "MACD").put("fast", 5).put("slow", 35).put("signal", 5))
        .add(new JsonObject().put("type", "BOLLINGER").put("period", 10).put("k", 2.5))
        .add(new JsonObject().put("type", "RSI").put("period", 7))));
    IndicatorConfig config = IndicatorConfig.read(r);
    assertThat(r.problems()).isEmpty();
    assertThat(Arrays.stream(config.newSeries()).map(Object::toString))
        .containsExactly("SMA(20)", "EMA(5)", "MACD(5,35,5)", "BOLLINGER(10,2.5)", "RSI(7)");
  }

  @Test
  void badEntriesAreProblemsNamingTheEntry() {
    ParamReader r = ParamReader.of(new JsonObject().put("indicators", new JsonArray()
        .add(new JsonObject().put("type", "FOO"))
        .add(new JsonObject().put("type", "RSI").put("period", 0))
        .add(new JsonObject().put("type", "MACD").put("fast", 30).put("slow", 26))
        .add(new JsonObject().put("type", "RSI").put("fast", 3))
        .add(new JsonObject().put("type", "BOLLINGER").put("k", -1))
        .add(42)
        .add("SMA")
        .add(new JsonObject().put("type", "SMA").put("period", 20))));
    IndicatorConfig.read(r);
    r.reportUnknownKeys();
    assertThat(r.problems()).hasSize(7);
    assertThat(r.problems().get(0)).startsWith("indicators[0].type: unknown indicator 'FOO', expected one of [");
    assertThat(r.problems().get(1)).isEqualTo("indicators[1].period: must be >= 1, was 0");
    assertThat(r.problems().get(2)).isEqualTo("indicators[2].fast: must be less than slow (26), was 30");
    assertThat(r.problems().get(3)).isEqualTo("indicators[4].k: must be > 0.0, was -1.0");
    assertThat(r.problems().get(4)).startsWith("indicators[5]: expected an indicator type");
    assertThat(r.problems().get(5)).isEqualTo("indicators[7]: SMA(20) is configured twice");
    assertThat(r.problems().get(6)).isEqualTo("indicators[3].fast: only used with type: MACD");
  }
}
