package dev.tierbus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

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
 * <p>A configuration declares its parameters by reading them: every reader remembers the keys
 * it was asked for (present or not), and so do the readers derived from it ({@link #object},
 * {@link #child}). After the read, {@link #reportUnknownKeys()} reports every other key as a
 * problem with a "did you mean" naming the closest key that reader knows ({@code sizing.precent:
 * unknown parameter of risk, did you mean percent?}). A key that only another mode of the
 * configuration reads is named as such ({@link #usedOnlyWith}), not as a typo; a reader whose
 * mode could not be told ({@link #ignoreUnreadKeys}) reports none. Keys starting with
 * {@value Annotations#PREFIX} are annotations and never reported.
 *
 * <p>Numbers from YAML arrive as Integer, Long or Double; integer getters accept a Double
 * only when it is integral, number getters accept any number. Strings are never coerced.
 *
 * <p>A reader is a map {@link ConfigValue} with defaults and the keys it knows: its problems
 * are {@link Problem}s at the key's path, rendered {@code path: message} by {@link #problems()}
 * for {@code ContainerFactory.validate}. Messages show a bad value as written
 * ({@link ValueText#literal}), and the kinds of the keys read become the type's part of the
 * topology's JSON Schema ({@link #schemasReadBy}).
 */
public final class ParamReader {

  /** What the readers derived from one root share. */
  private static final class Shared {
    final Problems report = new Problems();
    final List<ParamReader> readers = new ArrayList<>();
    boolean unknownReported;
  }

  private final JsonObject params;
  private final ConfigValue at;
  private final Shared shared;
  private final ParamKeys keys;

  private ParamReader(JsonObject params, String path, Shared shared, String owner) {
    this.params = params == null ? new JsonObject() : params;
    this.at = ConfigValue.at(path, this.params, shared.report);
    this.shared = shared;
    this.keys = new ParamKeys(owner);
    shared.readers.add(this);
  }

  /** A reader over a container's parameters. */
  public static ParamReader of(JsonObject params) {
    return of(params, "the container");
  }

  /**
   * A reader over the parameters of {@code owner}, which names it in the message of an unknown
   * key ({@code unknown parameter of execution}); readers derived from it inherit the name.
   */
  public static ParamReader of(JsonObject params, String owner) {
    return new ParamReader(params, "", new Shared(), Objects.requireNonNull(owner, "owner"));
  }

  /**
   * The top-level keys {@code reader} reads (or declares) on an empty parameter set: the
   * parameters a configuration takes, as its reading code declares them.
   */
  public static Set<String> keysReadBy(Function<ParamReader, ?> reader) {
    ParamReader r = of(new JsonObject());
    reader.apply(r);
    return r.keys.declared();
  }

  /**
   * The JSON Schema of each top-level key {@code reader} reads (or declares) on an empty
   * parameter set: the kind it reads the key as, or no constraint where that is not known (a
   * key only checked for presence, or one another mode of the configuration reads too).
   */
  public static Map<String, JsonObject> schemasReadBy(Function<ParamReader, ?> reader) {
    ParamReader r = of(new JsonObject());
    reader.apply(r);
    return r.keys.schemas();
  }

  /** The parameters this reader reads (not a copy; reading it declares nothing). */
  public JsonObject json() {
    return params;
  }

  /** The path of {@code key} as it appears in problems, e.g. {@code strategy.type}. */
  public String path(String key) {
    return at.childPath(key);
  }

  /** Names what this reader's keys belong to in the message of an unknown key (e.g. {@code strategy momentum}). */
  public ParamReader describedAs(String newOwner) {
    keys.owner(Objects.requireNonNull(newOwner, "owner"));
    return this;
  }

  /**
   * Keys that are no parameters of this reader but may have been meant by a misspelled key
   * (a container entry's structural keys): suggested in "did you mean", never listed.
   */
  public ParamReader alsoSuggesting(Collection<String> suggested) {
    keys.alsoSuggest(suggested);
    return this;
  }

  /** True when {@code key} is present (not null); declares it. */
  public boolean has(String key) {
    keys.read(key);
    return params.getValue(key) != null;
  }

  /** The raw value of {@code key}, or null; declares it. */
  public Object value(String key) {
    keys.read(key);
    return params.getValue(key);
  }

  /** Declares keys this reader takes without reading them (e.g. a plug-in's parameter names). */
  public ParamReader declare(Collection<String> declared) {
    declared.forEach(keys::read);
    return this;
  }

  /**
   * Declares that {@code keys} are read when {@code modeKey} is {@code modeValue} (another
   * mode than this one): given here and not read, each is reported as
   * {@code "<key>: only used with <modeKey>: <modeValue>"} rather than as unknown.
   */
  public ParamReader usedOnlyWith(Collection<String> otherKeys, String modeKey, String modeValue) {
    keys.usedOnlyWith(otherKeys, modeKey, modeValue);
    return this;
  }

  /**
   * This reader's unread keys are not reported: what they mean depends on a value that is
   * missing or wrong (an unknown {@code type}), which is reported already.
   */
  public ParamReader ignoreUnreadKeys() {
    keys.ignoreUnread();
    return this;
  }

  /**
   * A reader over the object under {@code key}, sharing this reader's problems; an empty
   * object when the key is absent, a problem when it is not an object.
   */
  public ParamReader object(String key) {
    keys.read(key);
    Object v = params.getValue(key);
    JsonObject nested = new JsonObject();
    if (v instanceof JsonObject o) {
      nested = o;
    } else if (v != null) {
      problem(key, "expected an object, was " + describe(v));
    }
    keys.kind(key, ValueKind.MAP);
    return new ParamReader(nested, path(key), shared, keys.owner());
  }

  /** A reader over {@code json} (e.g. an element of a list), shown in problems under {@code <this path>key}. */
  public ParamReader child(String key, JsonObject json) {
    return new ParamReader(json, path(key), shared, keys.owner());
  }

  /** Records a problem with {@code key} (relative to this reader). */
  public void problem(String key, String message) {
    shared.report.add(path(key), message);
  }

  /** Records a warning about {@code key}: something a valid configuration should know, never a reason to refuse it. */
  public void warn(String key, String message) {
    shared.report.warn(path(key), message);
  }

  /** Every problem recorded so far by this reader and the readers derived from it, each as {@code path: message}. */
  public List<String> problems() {
    return shared.report.problems().stream().map(Problem::toString).toList();
  }

  /** Every warning recorded so far by this reader and the readers derived from it, each as {@code path: message}. */
  public List<String> warnings() {
    return shared.report.warnings();
  }

  public boolean ok() {
    return shared.report.isEmpty();
  }

  /**
   * Reports, as problems, the keys that this reader and every reader derived from its root did
   * not read: call it once the configuration is read. Reports only once.
   */
  public ParamReader reportUnknownKeys() {
    if (shared.unknownReported) {
      return this;
    }
    shared.unknownReported = true;
    for (ParamReader r : List.copyOf(shared.readers)) {
      r.keys.reportUnread(r.params, r::problem);
    }
    return this;
  }

  // ------------------------------------------------------------------ scalars

  /** A string, or {@code def} when absent. */
  public String string(String key, String def) {
    Object v = typed(key, ValueKind.STRING);
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
    Object v = typed(key, ValueKind.STRING);
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
    Object v = typed(key, ValueKind.BOOL);
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
    Object v = typed(key, ValueKind.LONG);
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
    Object v = typed(key, ValueKind.NUMBER);
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
    Object v = typed(key, ValueKind.STRING_OR_STRINGS);
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
        shared.report.add(path(key) + "[" + i + "]", "expected a non-blank string, was " + describe(item));
      }
    }
    return out.size() == array.size() ? List.copyOf(out) : def;
  }

  /** The list under {@code key}, or null when absent (a problem when it is not a list). */
  public JsonArray array(String key) {
    Object v = typed(key, ValueKind.LIST);
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
    if (!ok()) {
      throw new IllegalArgumentException(
          "container '" + containerId + "' (" + type + ") has bad parameters: " + String.join("; ", problems()));
    }
  }

  private static boolean isIntegral(double d) {
    return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 9.0e15;
  }

  /** The raw value of {@code key}, declaring it as a key of that kind. */
  private Object typed(String key, ValueKind kind) {
    keys.kind(key, kind);
    return value(key);
  }

  private static String describe(Object v) {
    return ValueText.literal(v);
  }
}
