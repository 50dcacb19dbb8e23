package dev.tierbus.trading.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a container's parameters with defaults and collects every problem instead of
 * stopping at the first.
 *
 * <p>Each getter returns the value when it has the right type and range, otherwise records a
 * problem {@code "<path>: <what is wrong>, expected <what>"} and returns the default, so one
 * pass reports everything that is wrong with an entry. Paths are relative to the container's
 * entry ({@code strategy.fast_period}, {@code indicators[1].period}). The same reading code
 * serves {@code ContainerFactory.validate} (report) and {@code create} (throw), so the two
 * can never disagree.
 *
 * <p>Numbers from YAML arrive as Integer, Long or Double; integer getters accept a Double
 * only when it is integral, number getters accept any number. Strings are never coerced.
 */
public final class ParamReader {

  private final JsonObject params;
  private final String prefix;
  private final List<String> problems;

  private ParamReader(JsonObject params, String prefix, List<String> problems) {
    this.params = params == null ? new JsonObject() : params;
    this.prefix = prefix;
    this.problems = problems;
  }

  /** A reader over a container's parameters. */
  public static ParamReader of(JsonObject params) {
    return new ParamReader(params, "", new ArrayList<>());
  }

  /** The parameters this reader reads (not a copy). */
  public JsonObject json() {
    return params;
  }

  /** The path of {@code key} as it appears in problems, e.g. {@code strategy.type}. */
  public String path(String key) {
    return prefix + key;
  }

  public boolean has(String key) {
    return params.getValue(key) != null;
  }

  /**
   * A reader over the object under {@code key}, sharing this reader's problems; an empty
   * object when the key is absent, a problem when it is not an object.
   */
  public ParamReader object(String key) {
    Object v = params.getValue(key);
    JsonObject nested = new JsonObject();
    if (v instanceof JsonObject o) {
      nested = o;
    } else if (v != null) {
      problem(key, "expected an object, was " + describe(v));
    }
    return new ParamReader(nested, prefix + key + ".", problems);
  }

  /** A reader over {@code json}, shown in problems under {@code <this path>key}. */
  public ParamReader child(String key, JsonObject json) {
    return new ParamReader(json, prefix + key + ".", problems);
  }

  /** Records a problem with {@code key} (relative to this reader). */
  public void problem(String key, String message) {
    problems.add(prefix + key + ": " + message);
  }

  /** Every problem recorded so far by this reader and the readers derived from it. */
  public List<String> problems() {
    return Collections.unmodifiableList(problems);
  }

  public boolean ok() {
    return problems.isEmpty();
  }

  /** Records a problem for every key that is not one of {@code allowed}. */
  public void onlyKeys(Set<String> allowed) {
    for (String key : params.fieldNames()) {
      if (!allowed.contains(key)) {
        problem(key, "unknown parameter, expected one of " + new TreeSet<>(allowed));
      }
    }
  }

  /**
   * The top-level keys of {@code params} that are not in {@code known}, sorted. Containers log
   * these as warnings rather than refusing them: the topology puts every non-structural key
   * of an entry (e.g. {@code internal_communication}) into the params.
   */
  public static List<String> unknownKeys(JsonObject params, Set<String> known) {
    List<String> out = new ArrayList<>();
    for (String key : new TreeSet<>(params.fieldNames())) {
      if (!known.contains(key)) {
        out.add(key);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ scalars

  /** A string, or {@code def} when absent. */
  public String string(String key, String def) {
    Object v = params.getValue(key);
    if (v == null) {
      return def;
    }
    if (v instanceof String s) {
      return s;
    }
    problem(key, "expected a string, was " + describe(v));
    return def;
  }

  /** A string that must be present and not blank; null (and a problem) otherwise. */
  public String requiredString(String key) {
    Object v = params.getValue(key);
    if (v == null) {
      problem(key, "is required, expected a string");
      return null;
    }
    if (!(v instanceof String s)) {
      problem(key, "expected a string, was " + describe(v));
      return null;
    }
    if (s.isBlank()) {
      problem(key, "must not be blank");
      return null;
    }
    return s;
  }

  /** A boolean, or {@code def} when absent. */
  public boolean bool(String key, boolean def) {
    Object v = params.getValue(key);
    if (v == null) {
      return def;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    problem(key, "expected true or false, was " + describe(v));
    return def;
  }

  /** A long at least {@code min}, or {@code def} when absent. */
  public long integer(String key, long def, long min) {
    Object v = params.getValue(key);
    if (v == null) {
      return def;
    }
    long value;
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      value = ((Number) v).longValue();
    } else if (v instanceof Number n && isIntegral(n.doubleValue())) {
      value = (long) n.doubleValue();
    } else {
      problem(key, "expected an integer, was " + describe(v));
      return def;
    }
    if (value < min) {
      problem(key, "must be >= " + min + ", was " + value);
      return def;
    }
    return value;
  }

  /** An int at least {@code min}, or {@code def} when absent. */
  public int intValue(String key, int def, int min) {
    long v = integer(key, def, min);
    if (v > Integer.MAX_VALUE) {
      problem(key, "must be <= " + Integer.MAX_VALUE + ", was " + v);
      return def;
    }
    return (int) v;
  }

  /** A finite number, or {@code def} when absent. */
  public double number(String key, double def) {
    Object v = params.getValue(key);
    if (v == null) {
      return def;
    }
    if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    problem(key, "expected a finite number, was " + describe(v));
    return def;
  }

  /** A finite number at least {@code min}, or {@code def} when absent. */
  public double number(String key, double def, double min) {
    double v = number(key, def);
    if (v < min) {
      problem(key, "must be >= " + min + ", was " + v);
      return def;
    }
    return v;
  }

  /** A finite number strictly above {@code bound}, or {@code def} when absent. */
  public double numberAbove(String key, double def, double bound) {
    double v = number(key, def);
    if (!(v > bound)) {
      problem(key, "must be > " + bound + ", was " + v);
      return def;
    }
    return v;
  }

  // ------------------------------------------------------------------ lists

  /** A non-empty list of non-blank strings (a single string is a list of one), or {@code def}. */
  public List<String> strings(String key, List<String> def) {
    Object v = params.getValue(key);
    if (v == null) {
      return def;
    }
    if (v instanceof String s) {
      v = new JsonArray().add(s);
    }
    if (!(v instanceof JsonArray array)) {
      problem(key, "expected a list of strings, was " + describe(v));
      return def;
    }
    if (array.isEmpty()) {
      problem(key, "must not be empty");
      return def;
    }
    List<String> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      Object item = array.getValue(i);
      if (item instanceof String s && !s.isBlank()) {
        out.add(s);
      } else {
        problems.add(prefix + key + "[" + i + "]: expected a non-blank string, was " + describe(item));
      }
    }
    return out.size() == array.size() ? List.copyOf(out) : def;
  }

  /** The list under {@code key}, or null when absent (a problem when it is not a list). */
  public JsonArray array(String key) {
    Object v = params.getValue(key);
    if (v == null) {
      return null;
    }
    if (v instanceof JsonArray a) {
      return a;
    }
    problem(key, "expected a list, was " + describe(v));
    return null;
  }

  // ------------------------------------------------------------------ helpers

  /** Throws when a problem was recorded, naming the container and listing every problem. */
  public void throwIfProblems(String containerId, String type) {
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "container '" + containerId + "' (" + type + ") has bad parameters: " + String.join("; ", problems));
    }
  }

  private static boolean isIntegral(double d) {
    return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.0e15;
  }

  /** A short description of a bad value for a problem message. */
  public static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return "\"" + s + "\"";
    }
    if (v instanceof JsonObject) {
      return "an object";
    }
    if (v instanceof JsonArray) {
      return "a list";
    }
    return Objects.toString(v);
  }
}
