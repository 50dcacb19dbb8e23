package dev.tierbus.trading.recorder;

import dev.tierbus.event.Payload;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A payload record as a JSON object and back, for any record (the built-in payloads and a
 * user's own).
 *
 * <p>Rules: one key per record component, named in snake_case ({@code limitPrice} is
 * {@code limit_price}); numbers as JSON numbers, except the non-finite doubles, which JSON
 * cannot hold, as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} (a market
 * order's limit price is NaN); enums by name; maps as objects with their keys unchanged (they
 * are data: parameter names, symbols); lists as arrays; nested records as objects. Reading
 * takes the component types from the record class, so a {@code Map<String, Double>} comes
 * back with doubles. Inside an untyped map ({@code Attributes}) numbers come back as JSON
 * reads them (an integral number as Integer or Long, others as Double). Shapes are worked
 * out once per class and cached; thread-safe.
 */
public final class PayloadJson {

  private record Shape(String[] keys, Method[] accessors, Type[] types, Constructor<?> constructor) {}

  private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

  private PayloadJson() {}

  /**
   * The JSON object of a record payload.
   *
   * @throws IllegalArgumentException when the payload is not a record, or holds a value with no JSON form
   */
  public static JsonObject toJson(Payload payload) {
    return (JsonObject) encode(payload);
  }

  /**
   * The payload of class {@code type} that {@code json} describes.
   *
   * @throws IllegalArgumentException naming the component that does not fit
   */
  public static <P extends Payload> P fromJson(JsonObject json, Class<P> type) {
    return type.cast(decodeRecord(json, type));
  }

  /** {@code limitPrice} → {@code limit_price}. */
  static String snake(String name) {
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

  private static Shape shape(Class<?> type) {
    return SHAPES.computeIfAbsent(type, t -> {
      if (!t.isRecord()) {
        throw new IllegalArgumentException(t.getName() + " is not a record; only record payloads have a JSON form");
      }
      RecordComponent[] components = t.getRecordComponents();
      String[] keys = new String[components.length];
      Method[] accessors = new Method[components.length];
      Type[] types = new Type[components.length];
      Class<?>[] raw = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        keys[i] = snake(components[i].getName());
        accessors[i] = components[i].getAccessor();
        accessors[i].setAccessible(true);
        types[i] = components[i].getGenericType();
        raw[i] = components[i].getType();
      }
      try {
        Constructor<?> constructor = t.getDeclaredConstructor(raw);
        constructor.setAccessible(true);
        return new Shape(keys, accessors, types, constructor);
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException(t.getName() + " has no canonical constructor", e);
      }
    });
  }

  private static Object encode(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return value;
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d)) {
        return "NaN";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "Infinity" : "-Infinity";
      }
      return value;
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Map<?, ?> map) {
      JsonObject o = new JsonObject(new LinkedHashMap<>());
      for (Map.Entry<?, ?> en : map.entrySet()) {
        o.put(String.valueOf(en.getKey()), encode(en.getValue()));
      }
      return o;
    }
    if (value instanceof Collection<?> list) {
      JsonArray a = new JsonArray(new ArrayList<>(list.size()));
      for (Object item : list) {
        a.add(encode(item));
      }
      return a;
    }
    if (value instanceof Record) {
      Shape s = shape(value.getClass());
      JsonObject o = new JsonObject(new LinkedHashMap<>());
      for (int i = 0; i < s.keys.length; i++) {
        try {
          o.put(s.keys[i], encode(s.accessors[i].invoke(value)));
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalArgumentException("cannot read " + value.getClass().getSimpleName() + "." + s.keys[i], e);
        }
      }
      return o;
    }
    throw new IllegalArgumentException("a " + value.getClass().getName() + " has no JSON form in a payload");
  }

  private static Object decodeRecord(JsonObject json, Class<?> type) {
    Shape s = shape(type);
    Object[] args = new Object[s.keys.length];
    for (int i = 0; i < args.length; i++) {
      try {
        args[i] = decode(json.getValue(s.keys[i]), s.types[i]);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(type.getSimpleName() + "." + s.keys[i] + ": " + e.getMessage(), e);
      }
    }
    try {
      return s.constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(type.getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot make a " + type.getName(), e);
    }
  }

  private static Object decode(Object v, Type type) {
    Class<?> raw = raw(type);
    if (v == null) {
      if (raw.isPrimitive()) {
        throw new IllegalArgumentException("is missing");
      }
      return null;
    }
    if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
      double d = toDouble(v);
      return raw == float.class || raw == Float.class ? (Object) (float) d : (Object) d;
    }
    if (raw == long.class || raw == Long.class) {
      return ((Number) v).longValue();
    }
    if (raw == int.class || raw == Integer.class) {
      return ((Number) v).intValue();
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return (Boolean) v;
    }
    if (raw == String.class) {
      return (String) v;
    }
    if (raw.isEnum()) {
      return enumValue(raw, (String) v);
    }
    if (Map.class.isAssignableFrom(raw)) {
      Type valueType = type instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : Object.class;
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : ((JsonObject) v)) {
        out.put(e.getKey(), decode(e.getValue(), valueType));
      }
      return Map.copyOf(out);
    }
    if (List.class.isAssignableFrom(raw) || Collection.class.isAssignableFrom(raw)) {
      Type itemType = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
      List<Object> out = new ArrayList<>();
      for (Object item : (JsonArray) v) {
        out.add(decode(item, itemType));
      }
      return List.copyOf(out);
    }
    if (raw.isRecord()) {
      return decodeRecord((JsonObject) v, raw);
    }
    if (raw == Object.class) {
      return plain(v);
    }
    throw new IllegalArgumentException("has type " + raw.getName() + ", which has no JSON form");
  }

  /** An untyped JSON value as an immutable Java value. */
  private static Object plain(Object v) {
    if (v instanceof JsonObject o) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : o) {
        out.put(e.getKey(), plain(e.getValue()));
      }
      return Map.copyOf(out);
    }
    if (v instanceof JsonArray a) {
      List<Object> out = new ArrayList<>();
      for (Object item : a) {
        out.add(plain(item));
      }
      return List.copyOf(out);
    }
    return v;
  }

  private static double toDouble(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      switch (s) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw new IllegalArgumentException("expected a number, was " + v);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(Class<?> type, String name) {
    return Enum.valueOf((Class<Enum>) type, name.toUpperCase(Locale.ROOT));
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }
}
