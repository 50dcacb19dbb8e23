package dev.tierbus.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.config.Problem;
import dev.tierbus.config.StructureCheck;
import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerFactory;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.container.ContainerSpec;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The topology's JSON Schema: the shipped topologies follow it, the copy in the repository is
 * current, it reports a typo at its key path, and the validator keeps its own words where it
 * has them.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class TopologySchemaTest {

  static Stream<String> shippedTopologies() throws IOException {
    try (Stream<Path> examples = Files.list(Path.of("examples"))) {
      return Stream.concat(Stream.of("verticles.yaml"),
          examples.map(Path::toString).filter(f -> f.endsWith(".yaml")).sorted().toList().stream());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shippedTopologies")
  void everyShippedTopologyFollowsTheSchemaAndNamesIt(String file, Vertx vertx, VertxTestContext ctx) throws IOException {
    String firstLine = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).get(0);
    String schemaPath = Path.of(file).getParent() == null ? "schema/topology.schema.json" : "../schema/topology.schema.json";
    assertThat(firstLine).isEqualTo("# yaml-language-server: $schema=" + schemaPath);
    assertThat(Path.of(file).resolveSibling(schemaPath).normalize()).exists();
    StructureCheck check = new StructureCheck(TopologySchema.of(ContainerRegistry.withDefaults()));
    TopologyLoader.read(vertx, file).onComplete(ctx.succeeding(json -> ctx.verify(() -> {
      assertThat(check.check(json)).isEmpty();
      ctx.completeNow();
    })));
  }

  @Test
  void theSchemaInTheRepositoryIsTheOneOfTheBuiltInTypes() throws IOException {
    String current = TopologySchema.of(ContainerRegistry.withDefaults()).encodePrettily() + System.lineSeparator();
    Path kept = Path.of(TopologySchema.FILE);
    if (!current.equals(Files.exists(kept) ? Files.readString(kept, StandardCharsets.UTF_8) : "")) {
      Path fresh = Path.of("target", "topology.schema.json");
      Files.writeString(fresh, current, StandardCharsets.UTF_8);
      throw new AssertionError(kept + " is stale: the container types or sections changed. The current schema is in "
          + fresh + "; copy it: cp " + fresh + " " + kept);
    }
  }

  @Test
  void aTypoIsReportedAtItsKeyPathByTheSchemaAndTheValidator() {
    JsonObject file = yaml("""
        exec: {container_type: execution, slipage_bps: 5}
        ens:
          container_type: strategy_ensemble
          sub_containers:
            - {container_type: printer, container_id: p, evry: 2}
        http: {prot: 8080}
        """);
    ContainerRegistry registry = ContainerRegistry.withDefaults();
    assertThat(new StructureCheck(TopologySchema.of(registry)).check(file)).extracting(Problem::path)
        .containsExactlyInAnyOrder("exec.slipage_bps", "ens.sub_containers[0].evry", "http.prot");
    assertThat(new TopologyValidator(registry).check(file).problems()).extracting(Problem::toString)
        .containsExactlyInAnyOrder(
        "http.prot: unknown key 'prot', expected one of enabled, port, host, token, auth_reads, cors, instances,"
            + " api_publishers, idempotency_window_ms, idempotency_max_keys, websocket",
        "exec.slipage_bps: unknown parameter of execution, did you mean slippage_bps?",
        "ens.sub_containers[0].evry: unknown parameter of printer, did you mean every?");
  }

  @Test
  void aStructuralErrorTheReaderDoesNotSeeIsReportedInTheSchemasWords() {
    // a type whose declared kinds are stricter than its own check: only the schema sees the list
    ContainerRegistry registry = ContainerRegistry.empty().register("gauge", new ContainerFactory() {
      @Override
      public Container create(ContainerSpec spec) {
        return new Container() {};
      }

      @Override
      public Optional<Set<String>> parameters() {
        return Optional.of(Set.of("limit"));
      }

      @Override
      public Map<String, JsonObject> parameterSchemas() {
        return Map.of("limit", new JsonObject().put("type", "number"));
      }
    });
    List<Problem> problems = new TopologyValidator(registry).check(yaml("g: {container_type: gauge, limit: [1]}"))
        .problems();
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).path()).isEqualTo("g.limit");
    assertThat(problems.get(0).message()).contains("number");
  }

  @Test
  void annotationsNullsAndUndeclaredTypesPass() {
    ContainerRegistry registry = TestTypes.registry();
    JsonObject file = yaml("""
        x-defaults: &d {anything: [1, 2]}
        a: {container_type: data, x-owner: desk 4, symbols: ~, params: {x-note: 1}}
        b: {container_type: signal_source, whatever: {deep: 1}}
        event_router: {tiers: {fast: {optimizations: {batching: {batch_size: ~}}}}}
        """);
    assertThat(new StructureCheck(TopologySchema.of(registry)).check(file)).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static JsonObject yaml(String text) {
    return new JsonObject((Map<String, Object>) new Yaml().load(text));
  }
}
