package dev.tierbus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small builders of JSON Schema (draft 2020-12) objects, so that every part of the topology's
 * schema says the same things the same way: null is allowed wherever the readers take it as
 * absent, and {@code x-} keys are annotations in every map.
 */
public final class JsonSchemas {

  /** The draft every schema here follows. */
  public static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

  private JsonSchemas() {}

  /** {@code {"type": [types..., "null"]}}. */
  public static JsonObject nullable(String... types) {
    JsonArray t = new JsonArray();
    for (String type : types) {
      t.add(type);
    }
    return new JsonObject().put("type", t.add("null"));
  }

  /** A list (or null) whose elements follow {@code items}. */
  public static JsonObject listOf(JsonObject items) {
    return nullable("array").put("items", items);
  }

  /**
   * A map (or null) with {@code properties}; {@code x-} keys always allowed; any other key
   * refused when {@code closed}.
   */
  public static JsonObject map(Map<String, JsonObject> properties, boolean closed) {
    JsonObject schema = nullable("object").put("properties", new JsonObject(new LinkedHashMap<>(properties)));
    return closed ? close(schema) : schema;
  }

  /** {@code schema} with {@code x-} keys allowed and every other key not in its properties refused. */
  public static JsonObject close(JsonObject schema) {
    return annotations(schema).put("additionalProperties", false);
  }

  /** {@code schema} with {@code x-} keys allowed (whatever their value). */
  public static JsonObject annotations(JsonObject schema) {
    return schema.put("patternProperties",
        new JsonObject().put("^" + Annotations.PREFIX, new JsonObject()));
  }

  /** One of {@code values} (or null). */
  public static JsonObject enumOf(Iterable<String> values) {
    JsonArray e = new JsonArray();
    values.forEach(e::add);
    return new JsonObject().put("enum", e.addNull());
  }
}
