package dev.tierbus.topology.impl;

import dev.tierbus.config.ConfigValue;
import dev.tierbus.config.JsonSchemas;
import dev.tierbus.config.KeyTable;
import dev.tierbus.config.UnknownParameters;
import dev.tierbus.config.ValueKind;
import dev.tierbus.config.ValueText;
import dev.tierbus.container.ContainerFactory;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.container.Threading;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads container entries (top-level, in {@code containers}, and in {@code sub_containers}).
 *
 * <p>Structural keys are listed in {@link #STRUCTURAL_KEYS}; every other key of an entry is a
 * type-specific parameter and is merged into {@code params} (so the design document's
 * {@code strategy:} block of a sub-container reaches the strategy). The merged parameters are
 * then checked with the type ({@link TypeChecks}): its own check, and its declared parameters,
 * so a misspelled key (structural ones too) is refused with the key that was meant.
 */
public final class ContainerEntries {

  public static final List<String> STRUCTURAL_KEYS = ContainerSpec.STRUCTURAL_KEYS;

  /** The design document's {@code optimization} block: understood, and nothing to do for the JVM. */
  private static final KeyTable<Void> OPTIMIZATION = KeyTable.<Void>of()
      .value("internal_latency_target_ms", ValueKind.NUMBER)
      .value("external_latency_target_ms", ValueKind.NUMBER)
      .value("batch_internal_events", ValueKind.BOOL)
      .value("cache_external_subscriptions", ValueKind.BOOL);

  private static final String NO_OPTIMIZATION = "internal events are direct calls and local-bus messages;"
      + " external subscriptions are compiled once";

  private final ContainerRegistry registry;
  private final TypeChecks typeChecks;

  public ContainerEntries(ContainerRegistry registry) {
    this.registry = registry;
    this.typeChecks = new TypeChecks(registry);
  }

  /**
   * Reads one entry.
   *
   * @param label the top-level key the entry sits under (its default id), or null for an entry
   *     of a list, which must name its {@code container_id}
   * @return the draft, or null when the entry is not a map at all
   */
  public ContainerDraft read(ConfigValue entry, String label) {
    if (!entry.isMap()) {
      entry.problem("expected a container entry (a map with container_type), got " + ValueText.kind(entry.raw()));
      return null;
    }
    Optional<String> misspelledType = entry.child("container_type").isPresent() ? Optional.empty()
        : misspelledType(entry);
    misspelledType.ifPresent(k -> entry.child(k).problem("unknown key, did you mean container_type?"));
    String type = misspelledType.isPresent() ? null : type(entry.child("container_type"));

    ConfigValue idAt = entry.child("container_id");
    String id;
    String idPath;
    if (idAt.isPresent()) {
      id = idAt.requiredString();
      idPath = idAt.path();
    } else if (label != null) {
      id = label;
      idPath = entry.path();
    } else {
      idAt.problem("required for a container in a list, expected a string");
      id = null;
      idPath = idAt.path();
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
    optimization(entry.child("optimization"));
    entry.child("description").string();

    List<ContainerDraft> children = new ArrayList<>();
    for (ConfigValue child : entry.child("sub_containers").list("a list of container entries")) {
      ContainerDraft c = read(child, null);
      if (c != null) {
        children.add(c);
      }
    }

    if (type != null && params != null && id != null) {
      typeChecks.check(entry, new ContainerSpec(id, type, params, null, null, internalEvents, threading,
          children.stream().map(ContainerEntries::checkableSpec).filter(Objects::nonNull).toList()), fromParamsBlock);
    }
    return new ContainerDraft(entry.path(), id, idPath, type, params, external.publications(),
        external.subscriptions(), internalEvents, threading, children);
  }

  /**
   * The JSON Schema of a container entry: its structural keys, and for each registered type
   * the parameters it declares (at the entry and under {@code params}) with the kinds it knows;
   * any other key of an entry of a type that declares its parameters is refused, as the
   * validator refuses it. An entry of a type that declares none, or of an unknown type, takes
   * any key (the validator says the rest).
   *
   * @param entryRef the reference to this schema, for {@code sub_containers}
   */
  public static JsonObject jsonSchema(ContainerRegistry registry, String entryRef) {
    List<String> types = List.copyOf(registry.types());
    Map<String, Object> structural = new LinkedHashMap<>();
    structural.put("container_type", new JsonObject().put("type", "string").put("enum", new JsonArray(types)));
    structural.put("container_id", ValueKind.STRING.jsonSchema());
    structural.put("params", ValueKind.MAP.jsonSchema());
    structural.put("external_events", ExternalEvents.jsonSchema());
    structural.put("internal_events", ValueKind.MAP.jsonSchema());
    structural.put("sub_containers", JsonSchemas.listOf(new JsonObject().put("$ref", entryRef)));
    structural.put("threading", ValueKind.STRING.jsonSchema().put("examples", new JsonArray().add("worker").add("event_loop")));
    structural.put("internal_communication", ValueKind.STRING.jsonSchema().put("examples", new JsonArray().add("direct_bus")));
    structural.put("optimization", OPTIMIZATION.jsonSchema().put("description", "accepted, no effect: " + NO_OPTIMIZATION));
    structural.put("description", ValueKind.STRING.jsonSchema());
    if (!structural.keySet().equals(Set.copyOf(STRUCTURAL_KEYS))) {
      throw new IllegalStateException("the schema of a container entry does not list " + STRUCTURAL_KEYS);
    }
    JsonArray byType = new JsonArray();
    for (String type : types) {
      JsonObject parameters = parametersOf(registry.factory(type));
      if (parameters != null) {
        byType.add(new JsonObject()
            .put("if", new JsonObject()
                .put("required", new JsonArray().add("container_type"))
                .put("properties", new JsonObject().put("container_type", new JsonObject().put("const", type))))
            .put("then", parameters));
      }
    }
    JsonObject entry = JsonSchemas.annotations(new JsonObject()
        .put("type", "object")
        .put("required", new JsonArray().add("container_type"))
        .put("properties", new JsonObject(structural)));
    return byType.isEmpty() ? entry : entry.put("allOf", byType);
  }

  /**
   * What an entry of the type made by {@code factory} may hold: the structural keys (checked
   * above), its parameters at the entry and in {@code params}, nothing else; null when the type
   * does not declare its parameters.
   */
  private static JsonObject parametersOf(ContainerFactory factory) {
    Map<String, JsonObject> parameters;
    try {
      parameters = factory.parameters().isPresent() ? new TreeMap<>(factory.parameterSchemas()) : null;
    } catch (RuntimeException e) {
      parameters = null; // reported with the entries of the type, when its parameters are checked
    }
    if (parameters == null) {
      return null;
    }
    // each key closes its own map: a wrong parameter never makes the others count as unknown
    Map<String, Object> properties = new LinkedHashMap<>();
    STRUCTURAL_KEYS.forEach(key -> properties.put(key, new JsonObject()));
    properties.putAll(parameters);
    properties.put("params", JsonSchemas.map(parameters, true));
    return JsonSchemas.close(new JsonObject().put("properties", new JsonObject(properties)));
  }

  /** The key of {@code entry} that is a near miss of {@code container_type}, if any. */
  public static Optional<String> misspelledType(ConfigValue entry) {
    for (String key : entry.keys()) {
      if (UnknownParameters.closest(key, List.of("container_type")).isPresent()) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  private String type(ConfigValue at) {
    String type = at.requiredString();
    if (type != null && !registry.contains(type)) {
      at.problem("unknown container type '" + type + "', known: " + registry.types());
      return null;
    }
    return type;
  }

  private static Threading threading(ConfigValue at) {
    return at.parsed(Threading::fromName);
  }


  private static void optimization(ConfigValue at) {
    if (!at.isPresent()) {
      return;
    }
    int before = at.problems().count();
    OPTIMIZATION.read(at, null);
    if (at.problems().count() == before) {
      at.warn("accepted, no effect: " + NO_OPTIMIZATION);
    }
  }

  private static void internalCommunication(ConfigValue at) {
    String value = at.string();
    if (value != null && !value.equals("direct_bus")) {
      at.problem("unknown internal_communication '" + value
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
}
