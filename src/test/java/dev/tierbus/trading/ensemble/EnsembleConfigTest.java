package dev.tierbus.trading.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tierbus.container.ContainerSpec;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnsembleConfigTest {

  /** The design document's momentum_ensemble: its sub-containers and internal_events. */
  static ContainerSpec designEnsemble(JsonObject internalEvents) {
    return ContainerSpec.of("momentum_ensemble", "strategy_ensemble")
        .withInternalEvents(internalEvents)
        .withChildren(List.of(
            ContainerSpec.of("momentum_fast", "strategy"),
            ContainerSpec.of("momentum_slow", "strategy"),
            ContainerSpec.of("mean_reversion", "strategy")));
  }

  static JsonObject designInternalEvents() {
    return new JsonObject().put("aggregation", new JsonObject()
        .put("method", "weighted_voting")
        .put("weights", new JsonObject().put("momentum_fast", 0.4).put("momentum_slow", 0.3).put("mean_reversion", 0.3))
        .put("coordination", new JsonObject()
            .put("pattern", "collect_and_aggregate")
            .put("timeout_ms", 100)
            .put("require_all_signals", true)));
  }

  @Test
  void readsTheDesignDocumentsEnsemble() {
    List<String> problems = new ArrayList<>();
    EnsembleConfig c = EnsembleConfig.read(designEnsemble(designInternalEvents()), problems);
    assertThat(problems).isEmpty();
    assertThat(c.method()).isEqualTo(AggregationMethod.WEIGHTED_VOTING);
    assertThat(c.members()).containsExactly("momentum_fast", "momentum_slow", "mean_reversion");
    assertThat(c.weights()).containsExactly(0.4, 0.3, 0.3);
    assertThat(c.timeoutMs()).isEqualTo(100);
    assertThat(c.requireAllSignals()).isTrue();
  }

  @Test
  void missingWeightsAreOneAndCoordinationMayStandBesideAggregation() {
    JsonObject ie = new JsonObject()
        .put("aggregation", new JsonObject().put("method", "majority")
            .put("weights", new JsonObject().put("momentum_fast", 2)))
        .put("coordination", new JsonObject().put("timeout_ms", 250).put("require_all_signals", false));
    List<String> problems = new ArrayList<>();
    EnsembleConfig c = EnsembleConfig.read(designEnsemble(ie), problems);
    assertThat(problems).isEmpty();
    assertThat(c.method()).isEqualTo(AggregationMethod.MAJORITY);
    assertThat(c.weights()).containsExactly(2.0, 1.0, 1.0);
    assertThat(c.timeoutMs()).isEqualTo(250);
    assertThat(c.requireAllSignals()).isFalse();
  }

  @Test
  void emptyInternalEventsTakeTheDefaults() {
    EnsembleConfig c = EnsembleConfig.read(designEnsemble(new JsonObject()), new ArrayList<>());
    assertThat(c.method()).isEqualTo(AggregationMethod.WEIGHTED_VOTING);
    assertThat(c.timeoutMs()).isEqualTo(EnsembleConfig.DEFAULT_TIMEOUT_MS);
    assertThat(c.requireAllSignals()).isTrue();
  }

  @Test
  void badSettingsAreProblemsWithTheirPaths() {
    JsonObject ie = designInternalEvents();
    JsonObject agg = ie.getJsonObject("aggregation");
    agg.put("method", "average");
    agg.getJsonObject("weights").put("momentum_medium", 0.2).put("mean_reversion", -1);
    agg.getJsonObject("coordination").put("pattern", "first_come").put("timeout_ms", 0).put("require_all_signals", "yes");
    List<String> problems = EnsembleConfig.problems(designEnsemble(ie));
    assertThat(problems).containsExactlyInAnyOrder(
        "internal_events.aggregation.method: 'average' is unknown, expected weighted_voting or majority",
        "internal_events.aggregation.weights.momentum_medium: no sub-container has this id, expected one of "
            + "[momentum_fast, momentum_slow, mean_reversion]",
        "internal_events.aggregation.weights.mean_reversion: must be >= 0.0, was -1.0",
        "internal_events.aggregation.coordination.pattern: 'first_come' is not supported, expected collect_and_aggregate",
        "internal_events.aggregation.coordination.timeout_ms: must be >= 1, was 0",
        "internal_events.aggregation.coordination.require_all_signals: expected true or false, was \"yes\"");
  }

  @Test
  void anEnsembleWithoutSubContainersIsRefusedByItsFactory() {
    ContainerSpec empty = ContainerSpec.of("ens", "strategy_ensemble");
    assertThat(EnsembleConfig.problems(empty)).containsExactly(
        "sub_containers: a strategy_ensemble needs at least one sub-container (its strategies)");
    assertThatThrownBy(() -> EnsembleContainer.factory().create(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ens'").hasMessageContaining("sub_containers");
  }
}
