package dev.tierbus.topology;

import dev.tierbus.config.JsonSchemas;
import dev.tierbus.config.StructureCheck;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.topology.impl.ContainerEntries;
import dev.tierbus.topology.impl.DeploymentSection;
import dev.tierbus.topology.impl.HttpSection;
import dev.tierbus.topology.impl.JournalSection;
import dev.tierbus.topology.impl.RouterSection;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * The JSON Schema (draft 2020-12) of a topology file, made from the declarations the validator
 * reads with: each section's keys and kinds, and each registered container type's parameters
 * with the kinds the type knows. {@code java -jar tierbus.jar schema} prints it; the repository
 * keeps it as {@code schema/topology.schema.json}, which the shipped topologies name for an
 * editor ({@code # yaml-language-server: $schema=...}).
 *
 * <p>The schema is never stricter than the validator: names the validator reads in any case
 * (tiers, scopes, event types) are examples, not enums; a key set to null is allowed wherever
 * the validator takes it as absent; {@code x-} keys are free everywhere. What needs more than
 * one value at a time (ids, sources, tiers across containers) is the validator's alone.
 */
public final class TopologySchema {

  /** The schema's {@code $id}: stable, and no address anyone has to serve. */
  public static final String ID = "urn:tierbus:topology";

  /** Where the repository keeps the schema of the built-in types, relative to its root. */
  public static final String FILE = "schema/topology.schema.json";

  private static final String ENTRY = "#/$defs/container";

  private TopologySchema() {}

  /** The schema of a topology file whose container types are {@code registry}'s. */
  public static JsonObject of(ContainerRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    JsonObject entryRef = new JsonObject().put("$ref", ENTRY);
    JsonObject properties = new JsonObject()
        .put("event_router", RouterSection.jsonSchema())
        .put("deployment", DeploymentSection.jsonSchema())
        .put("containers", JsonSchemas.listOf(entryRef.copy()))
        .put("journal", JournalSection.jsonSchema())
        .put("http", HttpSection.jsonSchema());
    JsonObject root = new JsonObject()
        .put("$schema", JsonSchemas.DRAFT)
        .put("$id", ID)
        .put("title", "tierbus topology file (verticles.yaml)")
        .put("description", "Container entries under their labels (or in containers), the router's tiers,"
            + " deployment, journal and http; x- keys are annotations (YAML anchors at the top level).")
        .put("type", "object")
        .put("properties", properties);
    return JsonSchemas.annotations(root)
        .put("additionalProperties", entryRef.copy())
        .put("$defs", new JsonObject().put("container", ContainerEntries.jsonSchema(registry, ENTRY)));
  }

  /** A check of a file's structure against the schema of {@code registry}'s types. */
  static StructureCheck check(ContainerRegistry registry) {
    return new StructureCheck(of(registry));
  }
}
