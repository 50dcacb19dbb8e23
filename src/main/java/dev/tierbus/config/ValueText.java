package dev.tierbus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * How a value read from configuration or a request is named in a problem message: the one
 * place that tells maps, lists and scalars apart for messages.
 *
 * <p>Two wordings are in use, each kept stable because users and tests read them: the topology
 * file's structure names a value by its YAML kind ({@link #kind}: {@code got string 'BAR'}),
 * parameters and API payloads show the value as written ({@link #literal}: {@code was "abc"},
 * {@code got 'abc'}).
 */
public final class ValueText {

  private ValueText() {}

  /** The YAML kind with a scalar's value: {@code string 'x'}, {@code number 5}, {@code boolean true}, {@code a map}, {@code a list}, {@code nothing (null)}. */
  public static String kind(Object v) {
    if (v == null) {
      return "nothing (null)";
    }
    if (v instanceof String s) {
      return "string '" + s + "'";
    }
    if (v instanceof Boolean || v instanceof Number) {
      return (v instanceof Boolean ? "boolean " : "number ") + v;
    }
    String container = container(v, "a map");
    return container != null ? container : v.getClass().getSimpleName();
  }

  /** The value as written, a string in double quotes: {@code "abc"}, {@code an object}, {@code 2.5}. */
  public static String literal(Object v) {
    return literal(v, '"');
  }

  /**
   * The value as written: a string between {@code quote}s, {@code an object}, {@code a list},
   * {@code null}, or the scalar itself.
   */
  public static String literal(Object v, char quote) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return quote + s + quote;
    }
    String container = container(v, "an object");
    return container != null ? container : String.valueOf(v);
  }

  /** {@code mapWord} for a map, {@code a list} for a list, else null. */
  private static String container(Object v, String mapWord) {
    if (v instanceof JsonObject || v instanceof Map) {
      return mapWord;
    }
    if (v instanceof JsonArray || v instanceof List) {
      return "a list";
    }
    return null;
  }
}
