package dev.tierbus.topology;

import dev.tierbus.container.ContainerSpec;
import dev.tierbus.router.RouterOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated topology file: the container tree, the router's settings and which node runs
 * which containers. Immutable; made by {@link TopologyValidator} (and {@link TopologyLoader}).
 */
public final class Topology {

  private final List<ContainerSpec> containers;
  private final JsonObject routerOptions;
  private final String routerId;
  private final JsonObject eventRouter;
  private final JsonObject deployment;
  private final Map<String, List<String>> nodes;
  private final JsonObject journal;
  private final JsonObject http;
  private final List<String> warnings;
  private final JsonObject source;
  private final Map<String, ContainerSpec> byId = new LinkedHashMap<>();
  private final Map<String, String> parentIds = new HashMap<>();

  Topology(List<ContainerSpec> containers, RouterOptions routerOptions, String routerId, JsonObject eventRouter,
      JsonObject deployment, Map<String, List<String>> nodes, JsonObject journal, JsonObject http,
      List<String> warnings, JsonObject source) {
    this.containers = List.copyOf(containers);
    this.routerOptions = routerOptions.toJson();
    this.routerId = routerId;
    this.eventRouter = eventRouter.copy();
    this.deployment = deployment.copy();
    Map<String, List<String>> n = new LinkedHashMap<>();
    nodes.forEach((k, v) -> n.put(k, List.copyOf(v)));
    this.nodes = Collections.unmodifiableMap(n);
    this.journal = journal.copy();
    this.http = http.copy();
    this.warnings = List.copyOf(warnings);
    this.source = source == null ? new JsonObject() : source.copy();
    for (ContainerSpec root : this.containers) {
      index(root, null);
    }
  }

  private void index(ContainerSpec spec, String parentId) {
    byId.put(spec.id(), spec);
    if (parentId != null) {
      parentIds.put(spec.id(), parentId);
    }
    for (ContainerSpec child : spec.children()) {
      index(child, spec.id());
    }
  }

  /** The top-level containers in file order; sub-containers are in {@link ContainerSpec#children()}. */
  public List<ContainerSpec> containers() {
    return containers;
  }

  /** Every container, top-level and nested, by id, depth first in file order. */
  public Map<String, ContainerSpec> allContainers() {
    return Collections.unmodifiableMap(byId);
  }

  /** The container (at any depth) with this id. */
  public Optional<ContainerSpec> container(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The id of the container's parent, or empty for a top-level (or unknown) container. */
  public Optional<String> parentId(String id) {
    return Optional.ofNullable(parentIds.get(id));
  }

  /** The router's settings from {@code event_router} (a new, independent copy on each call). */
  public RouterOptions routerOptions() {
    return RouterOptions.fromJson(routerOptions);
  }

  /** {@code event_router.container_id}, or {@code event_router} when the file does not name it. */
  public String routerId() {
    return routerId;
  }

  /**
   * The {@code event_router} section as written (validated), for settings the router options
   * do not carry, such as {@code global_settings.health_checks}; empty when absent.
   */
  public JsonObject eventRouter() {
    return eventRouter.copy();
  }

  /**
   * The normalised {@code deployment} section: {@code mode} ({@code single_process} or
   * {@code distributed}), {@code nodes} (list of {@code {name, containers}}) and, when given,
   * {@code worker_pool_size}.
   */
  public JsonObject deployment() {
    return deployment.copy();
  }

  /** The declared node names, in file order; empty when the file declares none. */
  public List<String> nodeNames() {
    return List.copyOf(nodes.keySet());
  }

  /**
   * The top-level containers {@code nodeName} runs, in file order: all of them when the file
   * declares no nodes.
   *
   * @throws IllegalArgumentException when nodes are declared and none has this name
   */
  public List<ContainerSpec> containersForNode(String nodeName) {
    if (nodes.isEmpty()) {
      return containers;
    }
    List<String> ids = nodes.get(nodeName);
    if (ids == null) {
      throw new IllegalArgumentException("unknown node '" + nodeName + "', declared: " + nodes.keySet());
    }
    List<ContainerSpec> out = new ArrayList<>();
    for (ContainerSpec c : containers) {
      if (ids.contains(c.id())) {
        out.add(c);
      }
    }
    return out;
  }

  /** The {@code journal} section, empty when absent (read by the journal). */
  public JsonObject journal() {
    return journal.copy();
  }

  /** The {@code http} section, empty when absent (read by the HTTP API). */
  public JsonObject http() {
    return http.copy();
  }

  /**
   * The file as it was checked (parsed YAML, anchors resolved): a runtime change to the
   * containers is checked by validating this with the change applied.
   */
  public JsonObject source() {
    return source.copy();
  }

  /** Accepted settings that change nothing, and other things worth knowing; each {@code path: message}. */
  public List<String> warnings() {
    return warnings;
  }

  @Override
  public String toString() {
    return "Topology" + byId.keySet() + (nodes.isEmpty() ? "" : " on nodes " + nodes.keySet());
  }
}
