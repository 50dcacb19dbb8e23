package dev.tierbus.topology.impl;

import dev.tierbus.container.ContainerSpec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A value of the topology file with its key path: typed reads that report a wrong type as a
 * problem at that path (and return null) instead of throwing, so one pass finds everything.
 *
 * <p>A key set to null ({@code key:} with nothing after it) reads as absent.
 */
public final class Node {

  private final Object value;
  private final String path;
  private final Problems problems;

  private Node(Object value, String path, Problems problems) {
    this.value = value;
    this.path = path;
    this.problems = problems;
  }

  /** The whole file: children's paths are their bare keys. */
  public static Node root(JsonObject file, Problems problems) {
    return new Node(file, "", problems);
  }

  public String path() {
    return path;
  }

  public Object raw() {
    return value;
  }

  public boolean isPresent() {
    return value != null;
  }

  public boolean isMap() {
    return value instanceof JsonObject || value instanceof Map;
  }

  public Problems problems() {
    return problems;
  }

  public void problem(String message) {
    problems.add(path, message);
  }

  public void warn(String message) {
    problems.warn(path, message);
  }

  // ---------------------------------------------------------------- navigation

  /** The value at {@code key} of this map (absent when this is not a map). */
  public Node child(String key) {
    JsonObject map = value instanceof JsonObject j ? j : null;
    return new Node(map == null ? null : map.getValue(key), path.isEmpty() ? key : path + "." + key, problems);
  }

  /** The keys of this map in file order (empty when this is not a map). */
  public List<String> keys() {
    return value instanceof JsonObject j ? new ArrayList<>(j.fieldNames()) : List.of();
  }

  /**
   * Reports every key of this map that is not in {@code allowed}; {@code x-} keys are
   * annotations, allowed anywhere.
   *
   * @return true when there was none
   */
  public boolean checkKeys(Collection<String> allowed) {
    boolean ok = true;
    for (String key : keys()) {
      if (!allowed.contains(key) && !key.startsWith(ContainerSpec.ANNOTATION_PREFIX)) {
        child(key).problem("unknown key '" + key + "', expected one of " + String.join(", ", allowed));
        ok = false;
      }
    }
    return ok;
  }

  // ---------------------------------------------------------------- typed reads

  /** True when this is a map; else reports it (when present) and returns false. */
  public boolean expectMap() {
    if (value == null) {
      return false;
    }
    if (value instanceof JsonObject) {
      return true;
    }
    problem("expected a map, got " + describe(value));
    return false;
  }

  /** This map (a copy), empty when absent, null after reporting a wrong type. */
  public JsonObject map() {
    if (value == null) {
      return new JsonObject();
    }
    return expectMap() ? ((JsonObject) value).copy() : null;
  }

  /** The elements of this list, empty when absent or (after reporting it) not a list. */
  public List<Node> list(String expected) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      problem("expected " + expected + ", got " + describe(value));
      return List.of();
    }
    List<Node> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(new Node(array.getValue(i), path + "[" + i + "]", problems));
    }
    return out;
  }

  /** This list's elements; reports when absent or empty. */
  public List<Node> requiredList(String expected) {
    if (value == null) {
      problem("required, expected " + expected);
      return List.of();
    }
    List<Node> out = list(expected);
    if (out.isEmpty() && value instanceof JsonArray) {
      problem("must not be empty, expected " + expected);
    }
    return out;
  }

  /** This string, or null (absent, or reported). */
  public String string() {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    problem("expected a string, got " + describe(value) + quoteHint(value));
    return null;
  }

  public String requiredString() {
    if (value == null) {
      problem("required, expected a string");
      return null;
    }
    String s = string();
    if (s != null && s.isBlank()) {
      problem("must not be blank");
      return null;
    }
    return s;
  }

  public Boolean bool() {
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    problem("expected true or false, got " + describe(value));
    return null;
  }

  /** An integer that fits an int, or null. */
  public Integer integer() {
    Long l = longValue();
    if (l == null) {
      return null;
    }
    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
      problem("expected an integer of at most " + Integer.MAX_VALUE + ", got " + l);
      return null;
    }
    return l.intValue();
  }

  public Long longValue() {
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    problem("expected an integer, got " + describe(value));
    return null;
  }

  /** Any number (integer or decimal), or null. */
  public Double number() {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    problem("expected a number, got " + describe(value));
    return null;
  }

  /** A list of strings, or null (absent, or reported). */
  public List<String> strings() {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray)) {
      problem("expected a list of strings, got " + describe(value));
      return null;
    }
    return elementsAsStrings();
  }

  /** A string or a list of strings (a single string is a list of one), or null. */
  public List<String> stringOrStrings() {
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return List.of(s);
    }
    if (!(value instanceof JsonArray)) {
      problem("expected a string or a list of strings, got " + describe(value) + quoteHint(value));
      return null;
    }
    return elementsAsStrings();
  }

  private List<String> elementsAsStrings() {
    List<String> out = new ArrayList<>();
    boolean ok = true;
    for (Node element : list("a list of strings")) {
      if (element.raw() instanceof String s) {
        out.add(s);
      } else {
        element.problem("expected a string, got " + describe(element.raw()) + quoteHint(element.raw()));
        ok = false;
      }
    }
    return ok ? out : null;
  }

  /** A list of integers, or null (absent, or reported). */
  public List<Long> integers() {
    if (value == null) {
      return null;
    }
    List<Long> out = new ArrayList<>();
    for (Node element : list("a list of integers")) {
      Long l = element.longValue();
      if (l == null) {
        return null;
      }
      out.add(l);
    }
    return out;
  }

  // ---------------------------------------------------------------- messages

  /** How a value is named in messages: its YAML kind, with scalars shown. */
  public static String describe(Object v) {
    if (v == null) {
      return "nothing (null)";
    }
    if (v instanceof String s) {
      return "string '" + s + "'";
    }
    if (v instanceof Boolean || v instanceof Number) {
      return (v instanceof Boolean ? "boolean " : "number ") + v;
    }
    if (v instanceof JsonObject || v instanceof Map) {
      return "a map";
    }
    if (v instanceof JsonArray || v instanceof List) {
      return "a list";
    }
    return v.getClass().getSimpleName();
  }

  private static String quoteHint(Object v) {
    // YAML 1.1 reads NO, ON, YES, OFF as booleans and 7203 as a number: quoting keeps a string
    return v instanceof Boolean || v instanceof Number ? " (quote it to make it a string)" : "";
  }
}
