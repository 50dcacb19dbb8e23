package dev.tierbus.topology;

import dev.tierbus.config.ConfigValue;
import dev.tierbus.config.Problem;
import dev.tierbus.config.Problems;
import dev.tierbus.config.StructureCheck;
import dev.tierbus.config.UnknownParameters;
import dev.tierbus.config.ValueText;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.topology.impl.ContainerDraft;
import dev.tierbus.topology.impl.ContainerEntries;
import dev.tierbus.topology.impl.CrossChecks;
import dev.tierbus.topology.impl.DeploymentSection;
import dev.tierbus.topology.impl.HttpSection;
import dev.tierbus.topology.impl.JournalSection;
import dev.tierbus.topology.impl.RouterSection;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a parsed topology file and turns it into a {@link Topology}, reporting every
 * problem at once, each with the key path of the bad value and what was expected.
 *
 * <p>Top level of the file:
 * <pre>
 * event_router:   tiers, their settings and events    → RouterOptions
 * deployment:     mode, nodes[{name, containers}], worker_pool_size
 * containers:     [container entry, ...]              (each names its container_id)
 * journal:        a map, read by the journal
 * http:           the HTTP API: port, host, token, auth_reads, cors, instances, websocket
 * x-...:          ignored (holds YAML anchors); x- keys are annotations anywhere in the file
 * &lt;label&gt;:        container entry                     (container_id defaults to the label)
 * </pre>
 * A container entry: {@code container_type} (registered), {@code container_id},
 * {@code params}, {@code external_events.publishes[]} ({@code events, tier, scope, qos}),
 * {@code external_events.subscribes[]} ({@code source, events, tier, filters{symbols, types,
 * timeframe, regime}}), {@code internal_events}, {@code sub_containers[]}, {@code threading},
 * {@code internal_communication}, {@code optimization}, {@code description}; any other key is
 * a type-specific parameter, merged into params, and refused (with a "did you mean") when the
 * type declares its parameters and it is not one of them.
 *
 * <p>Two passes. The structural one checks the file against its JSON Schema
 * ({@link TopologySchema}, with vertx-json-schema: every error with its place); the semantic one
 * reads every section and entry with {@link dev.tierbus.config}'s reader and checks what needs
 * the whole file. Where the semantic pass has a problem at a structural error's key path (or
 * above or below it), its message is the one reported: the reader's words, with a "did you
 * mean"; a structural error it has nothing to say about is reported in the schema's words.
 *
 * <p>Pure: no I/O, no Vert.x; safe to call from any thread.
 */
public final class TopologyValidator {

  /** Top-level keys that are not container entries. */
  public static final List<String> RESERVED_KEYS = List.of("event_router", "deployment", "containers", "journal", "http");

  /**
   * Top-level keys starting with this are ignored: a place for YAML anchors shared by several
   * entries ({@code x-strategy: &defaults {...}}, then {@code <<: *defaults}).
   */
  public static final String EXTENSION_PREFIX = ContainerSpec.ANNOTATION_PREFIX;

  /** The router's id when {@code event_router.container_id} is not given. */
  public static final String DEFAULT_ROUTER_ID = "event_router";

  private final ContainerRegistry registry;

  public TopologyValidator(ContainerRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** What a check found: a topology when there is no problem, else the problems. */
  public record Result(Topology topology, List<Problem> problems, List<String> warnings) {

    public boolean ok() {
      return problems.isEmpty();
    }

    /** The topology, or a {@link TopologyException} with every problem. */
    public Topology orThrow() {
      if (!ok()) {
        throw new TopologyException(problems);
      }
      return topology;
    }
  }

  /**
   * The topology of {@code file} (the parsed YAML).
   *
   * @throws TopologyException with every problem found
   */
  public Topology validate(JsonObject file) {
    return check(file).orThrow();
  }

  /** Checks {@code file} (the parsed YAML) and returns the topology or every problem. */
  public Result check(JsonObject file) {
    Objects.requireNonNull(file, "file");
    // the structural pass first; its errors join the semantic pass's problems at the end
    List<Problem> structure = TopologySchema.check(registry).check(file);
    Problems problems = new Problems();
    ConfigValue root = ConfigValue.root(file, problems);
    ContainerEntries entries = new ContainerEntries(registry);
    List<ContainerDraft> roots = new ArrayList<>();
    RouterSection.Build router = null;
    DeploymentSection.Result deployment = null;
    JsonObject journal = new JsonObject();
    JsonObject http = new JsonObject();

    for (String key : root.keys()) {
      ConfigValue section = root.child(key);
      switch (key) {
        case "event_router" -> router = RouterSection.read(section);
        case "deployment" -> deployment = DeploymentSection.read(section);
        case "containers" -> {
          for (ConfigValue entry : section.list("a list of container entries")) {
            ContainerDraft d = entries.read(entry, null);
            if (d != null) {
              roots.add(d);
            }
          }
        }
        case "journal" -> journal = JournalSection.read(section);
        case "http" -> http = HttpSection.read(section);
        default -> {
          if (key.startsWith(EXTENSION_PREFIX)) {
            continue;
          }
          if (section.isMap() && section.child("container_type").isPresent()) {
            ContainerDraft d = entries.read(section, key);
            if (d != null) {
              roots.add(d);
            }
          } else if (section.isMap() && ContainerEntries.misspelledType(section).isPresent()) {
            section.child(ContainerEntries.misspelledType(section).get()).problem("unknown key, did you mean container_type?");
          } else {
            section.problem("expected a container entry (a map with container_type) or one of "
                + "event_router, deployment, containers, journal, http (or x-... for anchors); got " + ValueText.kind(section.raw())
                + UnknownParameters.closest(key, RESERVED_KEYS).map(k -> ", did you mean " + k + "?").orElse(""));
          }
        }
      }
    }
    if (router == null) {
      router = RouterSection.read(root.child("event_router"));
    }
    if (deployment == null) {
      deployment = DeploymentSection.read(root.child("deployment"));
    }
    CrossChecks.run(roots, router, deployment, problems);
    for (Problem p : StructureCheck.notCoveredBy(structure, problems.problems())) {
      problems.add(p.path(), p.message());
    }
    if (roots.isEmpty() && problems.isEmpty()) {
      problems.warn("", "the topology declares no containers");
    }

    if (!problems.isEmpty()) {
      return new Result(null, problems.problems(), problems.warnings());
    }
    Topology topology = new Topology(
        roots.stream().map(ContainerDraft::toSpec).toList(),
        router.options(),
        router.containerId() == null ? DEFAULT_ROUTER_ID : router.containerId(),
        orEmpty(root.child("event_router").map()),
        deployment.json(),
        deployment.nodes(),
        journal,
        http,
        problems.warnings(),
        file);
    return new Result(topology, List.of(), problems.warnings());
  }

  private static JsonObject orEmpty(JsonObject o) {
    return o == null ? new JsonObject() : o;
  }
}
