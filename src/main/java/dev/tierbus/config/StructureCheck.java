package dev.tierbus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a document's structure against a JSON Schema (draft 2020-12) with vertx-json-schema,
 * and gives every error as a {@link Problem} at its key path ({@code a.sub_containers[0].period}).
 *
 * <p>The validator's basic output lists an error at every level it passed through (the
 * property, the {@code $ref}, the {@code allOf} that held it): only the deepest ones say what
 * is wrong, so an error is kept only when no other error lies below it, one per place.
 */
public final class StructureCheck {

  /** Keywords whose error only says that something below them failed. */
  private static final Set<String> SUMMARIES = Set.of("properties", "$ref", "allOf", "anyOf", "oneOf", "if", "items",
      "prefixItems", "patternProperties");

  private final Validator validator;

  /** A check against {@code schema}, whose {@code $id} (if any) is the base of its references. */
  public StructureCheck(JsonObject schema) {
    Objects.requireNonNull(schema, "schema");
    this.validator = Validator.create(JsonSchema.of(schema), new JsonSchemaOptions()
        .setDraft(Draft.DRAFT202012)
        .setBaseUri(schema.getString("$id", "urn:tierbus:schema"))
        .setOutputFormat(OutputFormat.Basic));
  }

  /** Every structural error of {@code document}, at most one per key path, in document order of the validator. */
  public List<Problem> check(JsonObject document) {
    OutputUnit result = validator.validate(document);
    if (Boolean.TRUE.equals(result.getValid()) || result.getErrors() == null) {
      return List.of();
    }
    Map<String, OutputUnit> deepest = new LinkedHashMap<>();
    for (OutputUnit e : result.getErrors()) {
      if (e.getInstanceLocation() == null || SUMMARIES.contains(lastSegment(e.getKeywordLocation()))) {
        continue;
      }
      deepest.putIfAbsent(e.getInstanceLocation(), e);
    }
    List<Problem> out = new ArrayList<>();
    deepest.forEach((location, e) -> {
      if (deepest.keySet().stream().noneMatch(other -> other.startsWith(location + "/"))) {
        out.add(new Problem(keyPath(document, location), e.getError()));
      }
    });
    return out;
  }

  /**
   * The structural problems that no problem of {@code semantic} speaks of: one at the same key
   * path, or above or below it, already says what is wrong there in the reader's words.
   */
  public static List<Problem> notCoveredBy(List<Problem> structural, List<Problem> semantic) {
    List<Problem> out = new ArrayList<>();
    for (Problem p : structural) {
      if (semantic.stream().noneMatch(q -> related(p.path(), q.path()))) {
        out.add(p);
      }
    }
    return out;
  }

  private static boolean related(String a, String b) {
    return a.equals(b) || within(a, b) || within(b, a);
  }

  /** True when {@code inner} is a key path below {@code outer}. */
  private static boolean within(String inner, String outer) {
    return outer.isEmpty() || inner.startsWith(outer + ".") || inner.startsWith(outer + "[");
  }

  private static String lastSegment(String keywordLocation) {
    if (keywordLocation == null) {
      return "";
    }
    return keywordLocation.substring(keywordLocation.lastIndexOf('/') + 1);
  }

  /**
   * The key path of a JSON pointer ({@code #/a/sub_containers/0/period}) in {@code document}:
   * segments that index a list become {@code [i]}, the others {@code .key}.
   */
  static String keyPath(JsonObject document, String pointer) {
    String p = pointer.startsWith("#") ? pointer.substring(1) : pointer;
    StringBuilder path = new StringBuilder();
    Object at = document;
    if (p.isEmpty()) {
      return "";
    }
    for (String raw : p.substring(1).split("/", -1)) {
      String segment = raw.replace("~1", "/").replace("~0", "~");
      if (at instanceof JsonArray list) {
        path.append('[').append(segment).append(']');
        at = index(list, segment);
      } else {
        path.append(path.length() == 0 ? "" : ".").append(segment);
        at = at instanceof JsonObject map ? map.getValue(segment) : null;
      }
    }
    return path.toString();
  }

  private static Object index(JsonArray list, String segment) {
    try {
      int i = Integer.parseInt(segment);
      return i >= 0 && i < list.size() ? list.getValue(i) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
