package dev.tierbus.topology.impl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys a map of the topology file may hold, each with its value kind and what it does:
 * a table instead of a page of if-statements, so every key the router section knows is
 * listed once with its effect.
 *
 * <p>{@link #read} reports unknown keys, wrong value types and values an {@link Effect}
 * refuses (an {@link IllegalArgumentException} from an options setter), each at its path.
 * A key or section marked {@code noEffect} is accepted with a warning saying why it does
 * nothing.
 *
 * @param <T> what the effects write into (e.g. the router options being built)
 */
public final class Schema<T> {

  /** How a value is read. */
  public enum Kind {
    BOOL,
    INT,
    LONG,
    NUMBER,
    STRING,
    STRINGS,
    INTEGERS
  }

  /** What a value does to the target; may throw {@link IllegalArgumentException} naming the bad value. */
  @FunctionalInterface
  public interface Effect<T> {
    void apply(T target, Object value, Node at);
  }

  private record Entry<T>(Kind kind, Effect<T> effect, Schema<T> section, String noEffect) {}

  private final Map<String, Entry<T>> entries = new LinkedHashMap<>();

  public static <T> Schema<T> of() {
    return new Schema<>();
  }

  /** A value with an effect. */
  public Schema<T> value(String key, Kind kind, Effect<T> effect) {
    entries.put(key, new Entry<>(kind, effect, null, null));
    return this;
  }

  /** A value that is checked for its type and otherwise only recorded. */
  public Schema<T> value(String key, Kind kind) {
    return value(key, kind, null);
  }

  /** A value accepted with the warning "accepted, no effect: {@code why}". */
  public Schema<T> noEffect(String key, Kind kind, String why) {
    entries.put(key, new Entry<>(kind, null, null, why));
    return this;
  }

  /** A nested map. */
  public Schema<T> section(String key, Schema<T> section) {
    entries.put(key, new Entry<>(null, null, section, null));
    return this;
  }

  /** A nested map whose keys are checked but change nothing: one warning for the whole section. */
  public Schema<T> noEffectSection(String key, Schema<T> section, String why) {
    entries.put(key, new Entry<>(null, null, section, why));
    return this;
  }

  public List<String> keys() {
    return new ArrayList<>(entries.keySet());
  }

  /** Checks {@code node} (a map) against this schema and applies the effects to {@code target}. */
  public void read(Node node, T target) {
    if (!node.expectMap()) {
      return;
    }
    node.checkKeys(entries.keySet());
    for (String key : node.keys()) {
      Entry<T> e = entries.get(key);
      Node child = node.child(key);
      if (e == null || !child.isPresent()) {
        continue;
      }
      if (e.section != null) {
        int before = node.problems().problems().size();
        e.section.read(child, target);
        if (e.noEffect != null && node.problems().problems().size() == before) {
          child.warn("accepted, no effect: " + e.noEffect);
        }
        continue;
      }
      Object value = readValue(child, e.kind);
      if (value == null) {
        continue;
      }
      if (e.noEffect != null) {
        child.warn("accepted, no effect: " + e.noEffect);
      }
      if (e.effect != null) {
        try {
          e.effect.apply(target, value, child);
        } catch (IllegalArgumentException ex) {
          child.problem(withoutKeyPrefix(key, ex.getMessage()));
        }
      }
    }
  }

  private static Object readValue(Node n, Kind kind) {
    return switch (kind) {
      case BOOL -> n.bool();
      case INT -> n.integer();
      case LONG -> n.longValue();
      case NUMBER -> n.number();
      case STRING -> n.string();
      case STRINGS -> n.strings();
      case INTEGERS -> n.integers();
    };
  }

  /** Options setters name their key ("batch_size must be ..."); the path already does. */
  static String withoutKeyPrefix(String key, String message) {
    if (message == null) {
      return "invalid value";
    }
    return message.startsWith(key + " ") ? message.substring(key.length() + 1) : message;
  }
}
