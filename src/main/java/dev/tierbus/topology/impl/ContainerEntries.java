package dev.tierbus.topology.impl;

import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.container.Threading;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads container entries (top-level, in {@code containers}, and in {@code sub_containers}).
 *
 * <p>Structural keys are listed in {@link #STRUCTURAL_KEYS}; every other key of an entry is a
 * type-specific parameter and is merged into {@code params} (so the design document's
 * {@code strategy:} block of a sub-container reaches the strategy). The merged parameters are
 * then checked by the type's {@code ContainerFactory.validate}.
 */
public final class ContainerEntries {

  public static final List<String> STRUCTURAL_KEYS = List.of(
      "container_type", "container_id", "params", "external_events", "internal_events",
      "sub_containers", "threading", "internal_communication", "optimization", "description");

  private final ContainerRegistry registry;

  public ContainerEntries(ContainerRegistry registry) {
    this.registry = registry;
  }

  /**
   * Reads one entry.
   *
   * @param label the top-level key the entry sits under (its default id), or null for an entry
   *     of a list, which must name its {@code container_id}
   * @return the draft, or null when the entry is not a map at all
   */
  public ContainerDraft read(Node entry, String label) {
    if (!entry.isMap()) {
      entry.problem("expected a container entry (a map with container_type), got " + Node.describe(entry.raw()));
      return null;
    }
    String type = type(entry.child("container_type"));

    Node idNode = entry.child("container_id");
    String id;
    String idPath;
    if (idNode.isPresent()) {
      id = idNode.requiredString();
      idPath = idNode.path();
    } else if (label != null) {
      id = label;
      idPath = entry.path();
    } else {
      idNode.problem("required for a container in a list, expected a string");
      id = null;
      idPath = idNode.path();
    }

    JsonObject params = entry.child("params").map();
    Set<String> fromParamsBlock = params == null ? Set.of() : Set.copyOf(params.fieldNames());
    if (params != null) {
      for (String key : entry.keys()) {
        if (STRUCTURAL_KEYS.contains(key)) {
          continue;
        }
        if (params.containsKey(key)) {
          entry.child(key).problem("also given under params; give it once");
        } else {
          params.put(key, entry.child(key).raw());
        }
      }
    }

    ExternalEvents.Declared external = ExternalEvents.read(entry.child("external_events"), id);
    JsonObject internalEvents = entry.child("internal_events").map();
    Threading threading = threading(entry.child("threading"));
    internalCommunication(entry.child("internal_communication"));
    Node optimization = entry.child("optimization");
    if (optimization.isPresent() && optimization.map() != null) {
      optimization.warn("accepted, no effect: internal events are direct calls and local-bus messages;"
          + " external subscriptions are compiled once");
    }
    entry.child("description").string();

    List<ContainerDraft> children = new ArrayList<>();
    for (Node child : entry.child("sub_containers").list("a list of container entries")) {
      ContainerDraft c = read(child, null);
      if (c != null) {
        children.add(c);
      }
    }

    if (type != null && params != null && id != null) {
      validate(entry, new ContainerSpec(id, type, params, null, null, internalEvents, threading,
          children.stream().map(ContainerEntries::checkableSpec).filter(Objects::nonNull).toList()), fromParamsBlock);
    }
    return new ContainerDraft(entry.path(), id, idPath, type, params, external.publications(),
        external.subscriptions(), internalEvents, threading, children);
  }

  private String type(Node node) {
    String type = node.requiredString();
    if (type != null && !registry.contains(type)) {
      node.problem("unknown container type '" + type + "', known: " + registry.types());
      return null;
    }
    return type;
  }

  private static Threading threading(Node node) {
    String name = node.string();
    if (name == null) {
      return null;
    }
    try {
      return Threading.fromName(name);
    } catch (IllegalArgumentException e) {
      node.problem(e.getMessage());
      return null;
    }
  }

  private static void internalCommunication(Node node) {
    String value = node.string();
    if (value != null && !value.equals("direct_bus")) {
      node.problem("unknown internal_communication '" + value
          + "', expected direct_bus (components call each other directly; containers use the local bus)");
    }
  }

  /** A child as its parent's check sees it: id, type, params and children, or null when unreadable. */
  private static ContainerSpec checkableSpec(ContainerDraft d) {
    if (d.id() == null || d.type() == null) {
      return null;
    }
    return new ContainerSpec(d.id(), d.type(), d.params(), null, null, d.internalEvents(), d.threading(),
        d.children().stream().map(ContainerEntries::checkableSpec).filter(Objects::nonNull).toList());
  }

  /**
   * Runs the type's check; each {@code "key: message"} it returns is reported at the key's real
   * place ({@code params.key} or the entry's own key).
   */
  private void validate(Node entry, ContainerSpec spec, Set<String> fromParamsBlock) {
    String type = spec.type();
    List<String> found;
    try {
      found = registry.factory(type).validate(spec);
    } catch (RuntimeException e) {
      entry.problem("checking the parameters of container type '" + type + "' failed: " + e);
      return;
    }
    if (found == null) {
      return;
    }
    for (String p : found) {
      int colon = p.indexOf(": ");
      String key = colon > 0 ? p.substring(0, colon) : "";
      if (key.isEmpty() || key.contains(" ")) {
        entry.problem(p);
        continue;
      }
      String first = key.split("[.\\[]", 2)[0];
      String path = fromParamsBlock.contains(first) ? entry.path() + ".params." + key : entry.path() + "." + key;
      entry.problems().add(path, p.substring(colon + 2));
    }
  }
}
