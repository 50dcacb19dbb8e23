package dev.tierbus.config;

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
  void aKeyThatIsNotReadIsAnUnknownParameterWithTheClosestKeyAsSuggestion() {
    ParamReader r = ParamReader.of(new JsonObject().put("period", 3).put("perod", 4), "indicator");
    r.intValue("period", 14, 1);
    r.reportUnknownKeys();
    assertThat(r.problems()).containsExactly("perod: unknown parameter of indicator, did you mean period?");
    assertThatThrownBy(() -> r.throwIfProblems("rsi_1", "indicator"))
        .hasMessageContaining("rsi_1").hasMessageContaining("perod");
  }

  @Test
  void keysAskedForAreKnownEvenWhenAbsentAndFarOffKeysListWhatIsTaken() {
    ParamReader r = ParamReader.of(new JsonObject().put("colour", "red"), "execution");
    r.number("slippage_bps", 0.0);
    r.has("fill_at");
    r.reportUnknownKeys();
    assertThat(r.problems()).containsExactly("colour: unknown parameter of execution, expected one of fill_at, slippage_bps");
  }

  @Test
  void nestedObjectsAndListItemsReportTheirUnknownKeysAtTheirPaths() {
    ParamReader r = ParamReader.of(new JsonObject()
        .put("sizing", new JsonObject().put("method", "percent_of_equity").put("precent", 10))
        .put("files", new JsonArray().add(new JsonObject().put("path", "a.csv").put("sybmol", "A"))), "risk");
    ParamReader sizing = r.object("sizing");
    sizing.string("method", null);
    sizing.number("percent", 10);
    JsonArray files = r.array("files");
    ParamReader file = r.child("files[0]", files.getJsonObject(0));
    file.string("path", null);
    file.string("symbol", null);
    r.reportUnknownKeys();
    assertThat(r.problems()).containsExactly(
        "sizing.precent: unknown parameter of risk, did you mean percent?",
        "files[0].sybmol: unknown parameter of risk, did you mean symbol?");
  }

  @Test
  void keysOfAnotherModeAreNamedAsSuchAndAnAbandonedReaderReportsNothing() {
    ParamReader r = ParamReader.of(new JsonObject().put("source", "synthetic").put("files", new JsonArray())
        .put("strategy", new JsonObject().put("type", "magic").put("speed", 3)));
    r.string("source", null);
    r.usedOnlyWith(Set.of("files", "speed"), "source", "csv");
    r.object("strategy").ignoreUnreadKeys().string("type", null);
    ParamReader k = ParamReader.of(new JsonObject().put("k", 2)).usedOnlyWith(Set.of("k"), "type", "BOLLINGER")
        .usedOnlyWith(Set.of("k"), "type", "KELTNER");
    r.reportUnknownKeys();
    k.reportUnknownKeys();
    assertThat(r.problems()).containsExactly("files: only used with source: csv");
    assertThat(k.problems()).containsExactly("k: only used with type: BOLLINGER or KELTNER");
  }

  @Test
  void annotationKeysAreNeverReportedAndStructuralKeysAreSuggested() {
    ParamReader r = ParamReader.of(new JsonObject().put("x-note", "mine").put("internal_event", new JsonObject())
        .put("sizing", new JsonObject().put("x-why", "fixed").put("method", "all_in")), "strategy_ensemble")
        .alsoSuggesting(List.of("internal_events", "external_events"));
    r.object("sizing").string("method", null);
    r.reportUnknownKeys().reportUnknownKeys();
    assertThat(r.problems()).containsExactly(
        "internal_event: unknown parameter of strategy_ensemble, did you mean internal_events?");
  }

  @Test
  void theKeysAConfigReadsAreItsParameters() {
    assertThat(ParamReader.keysReadBy(r -> {
      r.integer("period", 14, 1);
      if (r.has("sizing")) {
        r.object("sizing").string("never_seen", null);
      }
      r.usedOnlyWith(Set.of("files"), "source", "csv");
      return null;
    })).containsExactly("files", "period", "sizing");
  }

  @Test
  void warningsAreKeptApartFromProblems() {
    ParamReader r = ParamReader.of(new JsonObject());
    r.warn("speed", "max under run");
    assertThat(r.warnings()).containsExactly("speed: max under run");
    assertThat(r.problems()).isEmpty();
  }
}
