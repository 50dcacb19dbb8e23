package dev.tierbus.trading.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParamReaderTest {

  @Test
  void absentKeysGiveDefaultsWithoutProblems() {
    ParamReader r = ParamReader.of(new JsonObject());
    assertThat(r.integer("seed", 42, 0)).isEqualTo(42);
    assertThat(r.number("x", 1.5)).isEqualTo(1.5);
    assertThat(r.bool("b", true)).isTrue();
    assertThat(r.strings("s", List.of("A"))).containsExactly("A");
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void wrongTypesAndRangesAreProblemsNamingTheKey() {
    ParamReader r = ParamReader.of(new JsonObject()
        .put("seed", "abc")
        .put("period", 0)
        .put("vol", -1.0)
        .put("flag", "yes")
        .put("symbols", new JsonArray().add("AAPL").add(3))
        .put("nested", new JsonObject().put("k", "x")));
    assertThat(r.integer("seed", 42, Long.MIN_VALUE)).isEqualTo(42);
    assertThat(r.intValue("period", 14, 1)).isEqualTo(14);
    assertThat(r.number("vol", 0.01, 0.0)).isEqualTo(0.01);
    assertThat(r.bool("flag", false)).isFalse();
    assertThat(r.strings("symbols", List.of("X"))).containsExactly("X");
    r.object("nested").number("k", 1.0);
    assertThat(r.problems()).containsExactly(
        "seed: expected an integer, was \"abc\"",
        "period: must be >= 1, was 0",
        "vol: must be >= 0.0, was -1.0",
        "flag: expected true or false, was \"yes\"",
        "symbols[1]: expected a non-blank string, was 3",
        "nested.k: expected a finite number, was \"x\"");
  }

  @Test
  void integralDoublesAreIntegersAndIntegersAreNumbers() {
    ParamReader r = ParamReader.of(new JsonObject().put("a", 14.0).put("b", 100).put("c", 2.5));
    assertThat(r.integer("a", 0, 0)).isEqualTo(14);
    assertThat(r.number("b", 0)).isEqualTo(100.0);
    assertThat(r.integer("c", 0, 0)).isZero();
    assertThat(r.problems()).containsExactly("c: expected an integer, was 2.5");
  }

  @Test
  void onlyKeysFlagsUnknownParameters() {
    ParamReader r = ParamReader.of(new JsonObject().put("period", 3).put("perod", 4));
    r.onlyKeys(Set.of("period"));
    assertThat(r.problems()).containsExactly("perod: unknown parameter, expected one of [period]");
    assertThatThrownBy(() -> r.throwIfProblems("rsi_1", "indicator"))
        .hasMessageContaining("rsi_1").hasMessageContaining("perod");
    assertThat(ParamReader.unknownKeys(r.json(), Set.of("period"))).containsExactly("perod");
  }

  @Test
  void decimalsRoundHalfUpWithFixedPlaces() {
    assertThat(Decimals.format(0.05, 2)).isEqualTo("0.05");
    assertThat(Decimals.format(-1.23456, 3)).isEqualTo("-1.235");
    assertThat(Decimals.format(-0.00001, 2)).isEqualTo("0.00");
    assertThat(Decimals.format(12, 0)).isEqualTo("12");
    assertThat(Decimals.appendSigned(new StringBuilder(), 0.5, 2).toString()).isEqualTo("+0.50");
    assertThat(Decimals.format(Double.NaN, 2)).isEqualTo("NaN");
  }
}
