package dev.tierbus.event.impl;

import dev.tierbus.event.Attributes;
import dev.tierbus.event.WireReader;
import dev.tierbus.event.WireWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes {@link Attributes}: a map of names to values that are numbers, strings, booleans,
 * null, lists or string-keyed maps of these, nested at most {@value #MAX_DEPTH} deep.
 *
 * <p>Each value is a tag byte and its data. Integral numbers (Long, Integer, Short, Byte) come
 * back as {@link Long}, Double and Float as {@link Double}; nested lists and maps come back
 * unmodifiable, in their original order. Any other value class is refused with an
 * {@link IllegalArgumentException} naming the attribute's path and the class.
 */
final class AttributesCodec {

  static final int MAX_DEPTH = 32;

  private static final byte NULL = 0;
  private static final byte LONG = 1;
  private static final byte DOUBLE = 2;
  private static final byte STRING = 3;
  private static final byte FALSE = 4;
  private static final byte TRUE = 5;
  private static final byte LIST = 6;
  private static final byte MAP = 7;

  private AttributesCodec() {}

  static void write(Attributes attributes, WireWriter out) {
    Map<String, Object> values = attributes.values();
    out.writeCount(values.size());
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      out.writeDictionaryString(entry.getKey());
      writeValue(entry.getValue(), entry.getKey(), 1, out);
    }
  }

  @SuppressWarnings("unchecked")
  static Attributes read(WireReader in) {
    int count = in.readCount();
    Map.Entry<String, Object>[] entries = (Map.Entry<String, Object>[]) new Map.Entry<?, ?>[count];
    for (int i = 0; i < count; i++) {
      String key = readKey(in);
      Object value = readValue(in, 1);
      if (value == null) {
        throw new IllegalArgumentException("corrupt message: null top-level attribute '" + key + "'");
      }
      entries[i] = Map.entry(key, value);
    }
    return new Attributes(Map.ofEntries(entries));
  }

  private static void writeValue(Object value, String path, int depth, WireWriter out) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("attribute '" + path + "' is nested deeper than " + MAX_DEPTH);
    }
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      out.writeByte(LONG);
      out.writeSignedVarLong(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      out.writeByte(DOUBLE);
      out.writeDouble(((Number) value).doubleValue());
    } else if (value instanceof String s) {
      out.writeByte(STRING);
      out.writeString(s);
    } else if (value instanceof Boolean b) {
      out.writeByte(b ? TRUE : FALSE);
    } else if (value instanceof List<?> list) {
      out.writeByte(LIST);
      out.writeCount(list.size());
      int i = 0;
      for (Object element : list) {
        writeValue(element, path + "[" + i++ + "]", depth + 1, out);
      }
    } else if (value instanceof Map<?, ?> map) {
      out.writeByte(MAP);
      out.writeCount(map.size());
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new IllegalArgumentException("attribute '" + path + "' has a map key of class "
              + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()) + "; map keys must be String");
        }
        out.writeDictionaryString(key);
        writeValue(entry.getValue(), path + "." + key, depth + 1, out);
      }
    } else {
      throw new IllegalArgumentException("attribute '" + path + "' has unsupported value class "
          + value.getClass().getName() + "; supported are Long, Integer, Short, Byte, Double, Float, String,"
          + " Boolean, null, List and Map<String, ?>");
    }
  }

  private static Object readValue(WireReader in, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("corrupt message: attributes nested deeper than " + MAX_DEPTH);
    }
    byte tag = in.readByte();
    switch (tag) {
      case NULL:
        return null;
      case LONG:
        return in.readSignedVarLong();
      case DOUBLE:
        return in.readDouble();
      case STRING:
        return in.readString();
      case FALSE:
        return Boolean.FALSE;
      case TRUE:
        return Boolean.TRUE;
      case LIST: {
        int count = in.readCount();
        List<Object> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          list.add(readValue(in, depth + 1));
        }
        return Collections.unmodifiableList(list);
      }
      case MAP: {
        int count = in.readCount();
        Map<String, Object> map = new LinkedHashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
          String key = readKey(in);
          map.put(key, readValue(in, depth + 1));
        }
        return Collections.unmodifiableMap(map);
      }
      default:
        throw new IllegalArgumentException("corrupt message: unknown attribute value tag " + tag);
    }
  }

  private static String readKey(WireReader in) {
    String key = in.readDictionaryString();
    if (key == null) {
      throw new IllegalArgumentException("corrupt message: null attribute key");
    }
    return key;
  }
}
