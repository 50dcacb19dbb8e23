package dev.tierbus.event.impl;

import dev.tierbus.config.ValueText;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Records to JSON and back, driven by their components, so a record added later is covered
 * without code of its own.
 *
 * <p>A component {@code realizedPnl} is the field {@code realized_pnl}. Values: numbers,
 * booleans and strings as they are; a NaN or infinite double as {@code null} (and {@code null}
 * back to NaN); enums by name; maps as objects; collections and arrays as lists; nested records
 * as objects; {@link Instant}s as ISO-8601 strings; anything else by {@code toString()}.
 *
 * <p>Reading checks every field and collects every problem (with its path) before the record's
 * own constructor runs, whose exceptions are reported too: at the path of the component the
 * message starts with ({@code "quantity must be > 0"} at {@code payload.quantity}), else at the
 * record's. Accessors and constructors are looked up once per class.
 */
public final class RecordJson {

  /** What {@link #read} found wrong: one entry per bad field, each {@code path: message}. */
  public static final class Problems extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Map.Entry<String, String>> problems;

    Problems(List<Map.Entry<String, String>> problems) {
      super(problems.size() + " problem(s): " + problems, null, false, false);
      this.problems = List.copyOf(problems);
    }

    /** Each problem as (path, message). */
    public List<Map.Entry<String, String>> problems() {
      return problems;
    }
  }

  private record Shape(RecordComponent[] components, Method[] accessors, String[] fields, Constructor<?> constructor) {}

  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Method[] accessors = new Method[components.length];
      String[] fields = new String[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        accessors[i] = components[i].getAccessor();
        accessors[i].trySetAccessible();
        fields[i] = snakeCase(components[i].getName());
        types[i] = components[i].getType();
      }
      try {
        Constructor<?> c = type.getDeclaredConstructor(types);
        c.trySetAccessible();
        return new Shape(components, accessors, fields, c);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
      }
    }
  };

  private RecordJson() {}

  /** {@code realizedPnl} → {@code realized_pnl}. */
  public static String snakeCase(String name) {
    StringBuilder sb = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          sb.append('_');
        }
        sb.append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- writing

  /** The record's components as a JSON object. */
  public static JsonObject write(Record record) {
    Shape shape = SHAPES.get(record.getClass());
    JsonObject json = new JsonObject(new LinkedHashMap<>(shape.fields.length * 2));
    for (int i = 0; i < shape.fields.length; i++) {
      Object value;
      try {
        value = shape.accessors[i].invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        value = "<unreadable: " + e + ">";
      }
      json.put(shape.fields[i], toJsonValue(value));
    }
    return json;
  }

  /** One value in its JSON form (see the class comment). */
  public static Object toJsonValue(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? null : d;
    }
    if (value instanceof Float f) {
      return f.isNaN() || f.isInfinite() ? null : f.doubleValue();
    }
    if (value instanceof Number) {
      return value;
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Record r) {
      return write(r);
    }
    if (value instanceof Map<?, ?> map) {
      JsonObject o = new JsonObject(new LinkedHashMap<>(map.size() * 2));
      map.forEach((k, v) -> o.put(String.valueOf(k), toJsonValue(v)));
      return o;
    }
    if (value instanceof Collection<?> c) {
      JsonArray a = new JsonArray(new ArrayList<>(c.size()));
      c.forEach(v -> a.add(toJsonValue(v)));
      return a;
    }
    if (value.getClass().isArray()) {
      int n = Array.getLength(value);
      JsonArray a = new JsonArray(new ArrayList<>(n));
      for (int i = 0; i < n; i++) {
        a.add(toJsonValue(Array.get(value, i)));
      }
      return a;
    }
    if (value instanceof Instant t) {
      return t.toString();
    }
    return value.toString();
  }

  // ---------------------------------------------------------------- reading

  /**
   * A record of {@code type} from {@code json}: every component is required except that a
   * missing object-typed component reads as null (the record's constructor decides whether it
   * may be); unknown fields are refused.
   *
   * @param path where {@code json} is, for messages (e.g. {@code payload})
   * @throws Problems with every problem found
   */
  public static <R extends Record> R read(Class<R> type, JsonObject json, String path) {
    List<Map.Entry<String, String>> problems = new ArrayList<>();
    R r = readRecord(type, json, path, problems);
    if (!problems.isEmpty()) {
      throw new Problems(problems);
    }
    return r;
  }

  private static <R> R readRecord(Class<R> type, JsonObject json, String path, List<Map.Entry<String, String>> problems) {
    Shape shape = SHAPES.get(type);
    List<String> known = List.of(shape.fields);
    for (String key : json.fieldNames()) {
      if (!known.contains(key)) {
        problems.add(Map.entry(join(path, key), "unknown field, expected " + String.join(", ", known)));
      }
    }
    Object[] args = new Object[shape.fields.length];
    int before = problems.size();
    for (int i = 0; i < shape.fields.length; i++) {
      String field = shape.fields[i];
      String at = join(path, field);
      RecordComponent c = shape.components[i];
      if (!json.containsKey(field)) {
        if (c.getType().isPrimitive()) {
          problems.add(Map.entry(at, "required, expected " + describe(c.getType())));
        }
        continue;
      }
      args[i] = convert(json.getValue(field), c.getType(), c.getGenericType(), at, problems);
    }
    if (problems.size() > before) {
      return null;
    }
    try {
      return type.cast(shape.constructor.newInstance(args));
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      String message = cause.getMessage();
      if (message == null) {
        problems.add(Map.entry(path, "is not valid"));
      } else if (cause instanceof NullPointerException && component(shape, message) != null) {
        problems.add(Map.entry(join(path, snakeCase(message)), "required"));
      } else {
        // a constructor names the component it refuses first ("quantity must be > 0, was -1"): that is the path
        String name = component(shape, message.split(" ", 2)[0]);
        problems.add(name == null ? Map.entry(path, message)
            : Map.entry(join(path, snakeCase(name)), snakeCase(name) + message.substring(name.length())));
      }
      return null;
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      problems.add(Map.entry(path, "cannot be read into a " + type.getSimpleName()));
      return null;
    }
  }

  /** {@code name} when it is one of the record's components, else null. */
  private static String component(Shape shape, String name) {
    for (RecordComponent c : shape.components) {
      if (c.getName().equals(name)) {
        return name;
      }
    }
    return null;
  }

  private static Object convert(Object v, Class<?> type, Type generic, String at, List<Map.Entry<String, String>> problems) {
    if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
      if (v == null) {
        return type == float.class || type == Float.class ? Float.NaN : Double.NaN;
      }
      if (v instanceof Number n) {
        return type == float.class || type == Float.class ? (Object) n.floatValue() : (Object) n.doubleValue();
      }
      return wrong(at, "a number", v, problems);
    }
    if (v == null) {
      if (type.isPrimitive()) {
        return wrong(at, describe(type), v, problems);
      }
      return null;
    }
    if (type == long.class || type == Long.class || type == int.class || type == Integer.class
        || type == short.class || type == Short.class) {
      if (!(v instanceof Integer || v instanceof Long || v instanceof Short)) {
        return wrong(at, "an integer", v, problems);
      }
      long l = ((Number) v).longValue();
      if (type == long.class || type == Long.class) {
        return l;
      }
      if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
        problems.add(Map.entry(at, "out of range for an integer: " + l));
        return null;
      }
      return type == short.class || type == Short.class ? (Object) (short) l : (Object) (int) l;
    }
    if (type == boolean.class || type == Boolean.class) {
      return v instanceof Boolean ? v : wrong(at, "true or false", v, problems);
    }
    if (type == String.class) {
      return v instanceof String ? v : wrong(at, "a string", v, problems);
    }
    if (type.isEnum()) {
      return enumValue(type, v, at, problems);
    }
    if (type == Instant.class) {
      if (v instanceof String s) {
        try {
          return Instant.parse(s);
        } catch (RuntimeException e) {
          problems.add(Map.entry(at, "expected an ISO-8601 instant such as 2024-01-02T15:30:00Z, got '" + s + "'"));
          return null;
        }
      }
      return wrong(at, "an ISO-8601 instant", v, problems);
    }
    if (type.isRecord()) {
      return v instanceof JsonObject o ? readRecord(type, o, at, problems) : wrong(at, "an object", v, problems);
    }
    if (Map.class.isAssignableFrom(type)) {
      if (!(v instanceof JsonObject o)) {
        return wrong(at, "an object", v, problems);
      }
      Type valueType = typeArgument(generic, 1);
      Map<String, Object> out = new LinkedHashMap<>();
      for (String key : o.fieldNames()) {
        Object converted = convert(o.getValue(key), rawClass(valueType), valueType, at + "." + key, problems);
        if (converted == null) {
          if (o.getValue(key) == null) {
            problems.add(Map.entry(at + "." + key, "must not be null"));
          }
          continue;
        }
        out.put(key, converted);
      }
      return out;
    }
    if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
      if (!(v instanceof JsonArray a)) {
        return wrong(at, "a list", v, problems);
      }
      Type elementType = typeArgument(generic, 0);
      List<Object> out = new ArrayList<>(a.size());
      for (int i = 0; i < a.size(); i++) {
        Object converted = convert(a.getValue(i), rawClass(elementType), elementType, at + "[" + i + "]", problems);
        if (converted == null && a.getValue(i) == null) {
          problems.add(Map.entry(at + "[" + i + "]", "must not be null"));
        }
        out.add(converted);
      }
      return out;
    }
    if (type == Object.class) {
      return plain(v, at, problems);
    }
    problems.add(Map.entry(at, "cannot read a " + type.getSimpleName() + " from JSON"));
    return null;
  }

  /** Any JSON value as plain immutable-friendly Java values (maps, lists, scalars). */
  private static Object plain(Object v, String at, List<Map.Entry<String, String>> problems) {
    if (v instanceof JsonObject o) {
      return convert(o, Map.class, null, at, problems);
    }
    if (v instanceof JsonArray a) {
      return convert(a, List.class, null, at, problems);
    }
    return v;
  }

  private static Object enumValue(Class<?> type, Object v, String at, List<Map.Entry<String, String>> problems) {
    Object[] constants = type.getEnumConstants();
    if (v instanceof String s) {
      for (Object c : constants) {
        if (((Enum<?>) c).name().equalsIgnoreCase(s.trim())) {
          return c;
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (Object c : constants) {
      names.add(((Enum<?>) c).name());
    }
    problems.add(Map.entry(at, "expected one of " + String.join(", ", names) + ", got " + show(v)));
    return null;
  }

  private static Object wrong(String at, String expected, Object v, List<Map.Entry<String, String>> problems) {
    problems.add(Map.entry(at, "expected " + expected + ", got " + show(v)));
    return null;
  }

  private static String show(Object v) {
    return ValueText.literal(v, '\'');
  }


  private static String describe(Class<?> type) {
    if (type == boolean.class) {
      return "true or false";
    }
    if (type == double.class || type == float.class) {
      return "a number";
    }
    return type.isPrimitive() ? "an integer" : "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
  }

  private static Type typeArgument(Type generic, int index) {
    if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
      return p.getActualTypeArguments()[index];
    }
    return Object.class;
  }

  private static Class<?> rawClass(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return Object.class;
  }

  private static String join(String path, String key) {
    return path == null || path.isEmpty() ? key : path + "." + key;
  }
}
