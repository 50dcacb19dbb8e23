package dev.tierbus.topology.impl;

import static dev.tierbus.config.ValueKind.INT;
import static dev.tierbus.config.ValueKind.STRING;
import static dev.tierbus.config.ValueKind.STRINGS;

import dev.tierbus.config.ConfigValue;
import dev.tierbus.config.KeyTable;
import dev.tierbus.config.ValueText;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code deployment}: the mode, which node runs which top-level containers, and the
 * size of the containers' worker pool. Whether the named containers exist is checked later,
 * with the whole file ({@link CrossChecks}).
 */
public final class DeploymentSection {

  public static final String SINGLE_PROCESS = "single_process";
  public static final String DISTRIBUTED = "distributed";

  /** The keys of the section and of one of its nodes, with their kinds: read below, and the schema. */
  private static final KeyTable<Void> NODE = KeyTable.<Void>of()
      .value("name", STRING)
      .value("containers", STRINGS);
  private static final KeyTable<Void> SECTION = KeyTable.<Void>of()
      .value("mode", STRING).examples("mode", List.of(SINGLE_PROCESS, DISTRIBUTED))
      .list("nodes", NODE)
      .value("worker_pool_size", INT);

  static final List<String> KEYS = SECTION.keys();
  static final List<String> NODE_KEYS = NODE.keys();

  /** One container id named by a node, and where. */
  public record Assignment(String node, String containerId, String path) {}

  /** What the section says; {@code json} is the normalised section. */
  public record Result(JsonObject json, Map<String, List<String>> nodes, List<Assignment> assignments) {}

  private DeploymentSection() {}

  /** The JSON Schema of {@code deployment}. */
  public static JsonObject jsonSchema() {
    return SECTION.jsonSchema();
  }

  public static Result read(ConfigValue section) {
    String mode = SINGLE_PROCESS;
    Map<String, List<String>> nodes = new LinkedHashMap<>();
    Map<String, String> namePaths = new LinkedHashMap<>();
    List<Assignment> assignments = new ArrayList<>();
    Integer workerPoolSize = null;
    if (section.expectMap()) {
      section.checkKeys(KEYS);
      ConfigValue modeAt = section.child("mode");
      String m = modeAt.string();
      if (m != null) {
        m = m.trim().toLowerCase(Locale.ROOT);
        if (m.equals(SINGLE_PROCESS) || m.equals(DISTRIBUTED)) {
          mode = m;
        } else {
          modeAt.problem("unknown mode '" + modeAt.raw() + "', expected single_process or distributed");
        }
      }
      for (ConfigValue n : section.child("nodes").list("a list of nodes (maps with name and containers)")) {
        if (!n.isMap()) {
          n.problem("expected a node (a map with name and containers), got " + ValueText.kind(n.raw()));
          continue;
        }
        n.checkKeys(NODE_KEYS);
        ConfigValue nameAt = n.child("name");
        String name = nameAt.requiredString();
        if (name == null) {
          continue;
        }
        if (namePaths.containsKey(name)) {
          nameAt.problem("duplicate node name '" + name + "', also at " + namePaths.get(name));
          continue;
        }
        namePaths.put(name, nameAt.path());
        List<String> ids = new ArrayList<>();
        for (ConfigValue c : n.child("containers").list("a list of container ids")) {
          String id = c.requiredString();
          if (id != null) {
            ids.add(id);
            assignments.add(new Assignment(name, id, c.path()));
          }
        }
        nodes.put(name, ids);
      }
      if (mode.equals(SINGLE_PROCESS) && nodes.size() > 1) {
        modeAt.problem((modeAt.isPresent() ? "" : "the default mode ") + "single_process runs one node but " + nodes.size()
            + " nodes are declared; use mode: distributed");
      }
      ConfigValue pool = section.child("worker_pool_size");
      workerPoolSize = pool.integer();
      if (workerPoolSize != null && workerPoolSize < 1) {
        pool.problem("must be >= 1, was " + workerPoolSize);
        workerPoolSize = null;
      }
    }
    JsonObject json = new JsonObject().put("mode", mode);
    JsonArray nodeArray = new JsonArray();
    nodes.forEach((name, ids) -> nodeArray.add(new JsonObject().put("name", name).put("containers", new JsonArray(ids))));
    json.put("nodes", nodeArray);
    if (workerPoolSize != null) {
      json.put("worker_pool_size", workerPoolSize);
    }
    return new Result(json, nodes, assignments);
  }
}
