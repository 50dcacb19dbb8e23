package dev.tierbus.config;

import io.vertx.core.json.JsonObject;

/**
 * The kind of value a key takes, as the readers check it and as the topology's JSON Schema
 * describes it. A key may always be given as null ({@code key:} with nothing after it): the
 * readers take that as absent, so the schema allows it too.
 */
public enum ValueKind {
  BOOL,
  /** An integer that fits an int. */
  INT,
  LONG,
  /** Any number, integer or decimal. */
  NUMBER,
  STRING,
  /** A list of strings. */
  STRINGS,
  /** A string or a list of strings (a single string is a list of one). */
  STRING_OR_STRINGS,
  /** A list of integers. */
  INTEGERS,
  /** A list of anything. */
  LIST,
  /** A map. */
  MAP,
  /** Anything: the reader decides what it takes. */
  ANY;

  /** This kind as a JSON Schema (draft 2020-12). */
  public JsonObject jsonSchema() {
    return switch (this) {
      case BOOL -> JsonSchemas.nullable("boolean");
      case INT -> JsonSchemas.nullable("integer")
          .put("minimum", Integer.MIN_VALUE).put("maximum", Integer.MAX_VALUE);
      case LONG -> JsonSchemas.nullable("integer");
      case NUMBER -> JsonSchemas.nullable("number");
      case STRING -> JsonSchemas.nullable("string");
      case STRINGS -> JsonSchemas.listOf(new JsonObject().put("type", "string"));
      case STRING_OR_STRINGS -> JsonSchemas.nullable("string", "array")
          .put("items", new JsonObject().put("type", "string"));
      case INTEGERS -> JsonSchemas.listOf(new JsonObject().put("type", "integer"));
      case LIST -> JsonSchemas.nullable("array");
      case MAP -> JsonSchemas.nullable("object");
      case ANY -> new JsonObject();
    };
  }
}
