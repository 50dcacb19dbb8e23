package dev.tierbus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A value of configuration with its key path: typed reads that report a wrong type as a
 * problem at that path (and return null) instead of throwing, so one pass finds everything.
 * The topology file's sections read through it, and so does {@link ParamReader} for a
 * container's parameters.
 *
 * <p>A key set to null ({@code key:} with nothing after it) reads as absent. Messages name a
 * value by its YAML kind ({@link ValueText#kind}).
 */
public final class ConfigValue {

  private final Object value;
  private final String path;
  private final Problems problems;

  private ConfigValue(Object value, String path, Problems problems) {
    this.value = value;
    this.path = path;
    this.problems = problems;
  }

  /** The whole file: children's paths are their bare keys. */
  public static ConfigValue root(JsonObject file, Problems problems) {
    return new ConfigValue(file, "", problems);
  }

  /** {@code value} found at {@code path} (empty for the root), reporting to {@code problems}. */
  public static ConfigValue at(String path, Object value, Problems problems) {
    return new ConfigValue(value, Objects.requireNonNull(path, "path"), Objects.requireNonNull(problems, "problems"));
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
  public ConfigValue child(String key) {
    JsonObject map = value instanceof JsonObject j ? j : null;
    return new ConfigValue(map == null ? null : map.getValue(key), childPath(key), problems);
  }

  /** The path of {@code key} under this value: {@code path.key}, or the bare key at the root. */
  public String childPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
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
      if (!allowed.contains(key) && !Annotations.isAnnotation(key)) {
        child(key).problem("unknown key '" + key + "', expected one of " + String.join(", ", allowed));
        ok = false;
      }
    }
    return ok;
  }

  // ---------------------------------------------------------------- typed reads

  /** This value read as {@code kind} (see the typed reads below), or null: absent, or reported. */
  public Object read(ValueKind kind) {
    return switch (kind) {
      case BOOL -> bool();
      case INT -> integer();
      case LONG -> longValue();
      case NUMBER -> number();
      case STRING -> string();
      case STRINGS -> strings();
      case STRING_OR_STRINGS -> stringOrStrings();
      case INTEGERS -> integers();
      case LIST -> value == null || list("a list").isEmpty() && !(value instanceof JsonArray) ? null : value;
      case MAP -> value == null ? null : map();
      case ANY -> value;
    };
  }

  /** True when this is a map; else reports it (when present) and returns false. */
  public boolean expectMap() {
    if (value == null) {
      return false;
    }
    if (value instanceof JsonObject) {
      return true;
    }
    problem("expected a map, got " + ValueText.kind(value));
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
  public List<ConfigValue> list(String expected) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      problem("expected " + expected + ", got " + ValueText.kind(value));
      return List.of();
    }
    List<ConfigValue> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(new ConfigValue(array.getValue(i), path + "[" + i + "]", problems));
    }
    return out;
  }

  /** This list's elements; reports when absent or empty. */
  public List<ConfigValue> requiredList(String expected) {
    if (value == null) {
      problem("required, expected " + expected);
      return List.of();
    }
    List<ConfigValue> out = list(expected);
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
    problem("expected a string, got " + ValueText.kind(value) + quoteHint(value));
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

  /**
   * This string parsed by {@code parse}, or null: absent, not a string, or refused by
   * {@code parse}, whose {@link IllegalArgumentException} message is the problem (a name read
   * with an enum's {@code fromName}, which names what it expected).
   */
  public <T> T parsed(Function<String, T> parse) {
    String text = string();
    if (text == null) {
      return null;
    }
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      problem(e.getMessage());
      return null;
    }
  }

  public Boolean bool() {
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    problem("expected true or false, got " + ValueText.kind(value));
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
    problem("expected an integer, got " + ValueText.kind(value));
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
    problem("expected a number, got " + ValueText.kind(value));
    return null;
  }

  /** A list of strings, or null (absent, or reported). */
  public List<String> strings() {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray)) {
      problem("expected a list of strings, got " + ValueText.kind(value));
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
      problem("expected a string or a list of strings, got " + ValueText.kind(value) + quoteHint(value));
      return null;
    }
    return elementsAsStrings();
  }

  private List<String> elementsAsStrings() {
    List<String> out = new ArrayList<>();
    boolean ok = true;
    for (ConfigValue element : list("a list of strings")) {
      if (element.raw() instanceof String s) {
        out.add(s);
      } else {
        element.problem("expected a string, got " + ValueText.kind(element.raw()) + quoteHint(element.raw()));
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
    for (ConfigValue element : list("a list of integers")) {
      Long l = element.longValue();
      if (l == null) {
        return null;
      }
      out.add(l);
    }
    return out;
  }

  // ---------------------------------------------------------------- messages

  private static String quoteHint(Object v) {
    // YAML 1.1 reads NO, ON, YES, OFF as booleans and 7203 as a number: quoting keeps a string
    return v instanceof Boolean || v instanceof Number ? " (quote it to make it a string)" : "";
  }
}
