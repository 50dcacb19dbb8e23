package dev.tierbus.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.config.Problem;
import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerFactory;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.container.ContainerSpec;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * How a custom container type declares its parameters, and what the topology does with the
 * keys of a type that declares them, and of one that does not.
 */
class DeclaredParametersTest {

  /** A type registered with its parameter names, one without, one that warns. */
  private static final ContainerRegistry REGISTRY = ContainerRegistry.empty()
      .register("my_strategy", Set.of("threshold", "symbols"), spec -> new Container() {})
      .register("legacy", spec -> new Container() {})
      .register("warns", ContainerFactory.declaring(Set.of("speed"), new ContainerFactory() {
        @Override
        public Container create(ContainerSpec spec) {
          return new Container() {};
        }

        @Override
        public List<String> warnings(ContainerSpec spec) {
          return List.of("speed: fast", "the whole entry is worth a look");
        }
      }));

  @SuppressWarnings("unchecked")
  private static TopologyValidator.Result check(String yaml) {
    return new TopologyValidator(REGISTRY).check(new JsonObject((java.util.Map<String, Object>) new Yaml().load(yaml)));
  }

  @Test
  void aDeclaredTypeRefusesEveryOtherKeyWithTheMeantOne() {
    TopologyValidator.Result r = check("""
        s:
          container_type: my_strategy
          treshold: 0.5
          params: {symbol: [AAPL]}
          sub_container: []
          colour: red
        """);
    assertThat(r.problems()).extracting(Problem::toString).containsExactly(
        "s.params.symbol: unknown parameter of my_strategy, did you mean symbols?",
        "s.treshold: unknown parameter of my_strategy, did you mean threshold?",
        "s.sub_container: unknown parameter of my_strategy, did you mean sub_containers?",
        "s.colour: unknown parameter of my_strategy, expected one of symbols, threshold");
  }

  @Test
  void aDeclaredTypeTakesItsParametersAndAnnotationsWithoutAWord() {
    TopologyValidator.Result r = check("""
        s: {container_type: my_strategy, threshold: 0.5, params: {symbols: [AAPL]}, x-owner: desk 4}
        """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.warnings()).isEmpty();
    assertThat(r.topology().container("s").orElseThrow().params().getDouble("threshold")).isEqualTo(0.5);
  }

  @Test
  void anUndeclaredTypeGetsItsKeysUncheckedWithAWarningButNoMisspelledStructuralKey() {
    TopologyValidator.Result r = check("""
        l: {container_type: legacy, window: 5, threshold: 0.5, x-note: fine}
        m: {container_type: legacy, externl_events: {publishes: []}}
        """);
    assertThat(r.problems()).extracting(Problem::toString).containsExactly(
        "m.externl_events: unknown key, did you mean external_events? (container type 'legacy' declares no"
            + " parameters, so this key would reach it unchecked)");
    assertThat(r.warnings()).containsExactly(
        "l: parameters window, threshold are not checked: container type 'legacy' does not declare its parameters");
  }

  @Test
  void theTypesWarningsAreShownAtTheirKeysOnlyForAValidEntry() {
    assertThat(check("w: {container_type: warns, params: {speed: 9}}\n").warnings()).containsExactly(
        "w.params.speed: fast", "w: the whole entry is worth a look");
    TopologyValidator.Result bad = check("w: {container_type: warns, sped: 9}\n");
    assertThat(bad.problems()).extracting(Problem::toString)
        .containsExactly("w.sped: unknown parameter of warns, did you mean speed?");
    assertThat(bad.warnings()).isEmpty();
  }

  @Test
  void theDesignDocumentsOptimizationBlockIsCheckedKeyByKey() {
    TopologyValidator.Result r = check("""
        s:
          container_type: my_strategy
          optimization: {internal_latency_target_ms: 0.1, batch_internal_event: false, x-note: fine}
        """);
    assertThat(r.problems()).extracting(Problem::toString).containsExactly(
        "s.optimization.batch_internal_event: unknown key 'batch_internal_event', expected one of"
            + " internal_latency_target_ms, external_latency_target_ms, batch_internal_events,"
            + " cache_external_subscriptions");
  }

  @Test
  void aMisspelledTopLevelSectionNamesTheMeantOne() {
    assertThat(check("event_routr: {tiers: {}}\n").problems()).extracting(Problem::toString).containsExactly(
        "event_routr: expected a container entry (a map with container_type) or one of event_router, deployment,"
            + " containers, journal, http (or x-... for anchors); got a map, did you mean event_router?");
  }

  @Test
  void aMisspelledContainerTypeIsNamedAtTopLevelAndInLists() {
    assertThat(check("""
        a: {containr_type: my_strategy, threshold: 1}
        containers:
          - {container_id: b, contianer_type: my_strategy}
        """).problems()).extracting(Problem::toString).containsExactly(
            "a.containr_type: unknown key, did you mean container_type?",
            "containers[0].contianer_type: unknown key, did you mean container_type?");
  }

  @Test
  void theRegistryOverloadDeclaresAndDelegates() {
    ContainerFactory f = REGISTRY.factory("my_strategy");
    assertThat(f.parameters()).contains(Set.of("threshold", "symbols"));
    assertThat(REGISTRY.factory("legacy").parameters()).isEmpty();
    assertThat(f.create(ContainerSpec.of("s", "my_strategy"))).isNotNull();
  }

  /** The README's "Writing a container" example, registered both ways. */
  @Test
  @SuppressWarnings("unchecked")
  void theReadmeExampleDeclaredAndUndeclared() {
    JsonObject file = new JsonObject((java.util.Map<String, Object>) new Yaml().load(
        "mine: {container_type: my_strategy, threshhold: 0.2}\n"));
    ContainerRegistry declared = ContainerRegistry.empty().register("my_strategy", Set.of("threshold"),
        spec -> new Container() {});
    ContainerRegistry undeclared = ContainerRegistry.empty().register("my_strategy", spec -> new Container() {});
    assertThat(new TopologyValidator(declared).check(file).problems()).extracting(Problem::toString)
        .containsExactly("mine.threshhold: unknown parameter of my_strategy, did you mean threshold?");
    TopologyValidator.Result r = new TopologyValidator(undeclared).check(file);
    assertThat(r.problems()).isEmpty();
    assertThat(r.warnings()).containsExactly("mine: parameter threshhold is not checked: container type"
        + " 'my_strategy' does not declare its parameters");
  }
}
