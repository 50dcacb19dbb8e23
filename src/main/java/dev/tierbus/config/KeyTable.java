package dev.tierbus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys a map of configuration may hold, each with its value kind and what it does: a
 * table instead of a page of if-statements, so every key a section knows is listed once with
 * its effect — and the same table is that section's part of the topology's JSON Schema
 * ({@link #jsonSchema}).
 *
 * <p>{@link #read} reports unknown keys, wrong value types and values an {@link Effect}
 * refuses (an {@link IllegalArgumentException} from an options setter), each at its path.
 * A key or section marked {@code noEffect} is accepted with a warning saying why it does
 * nothing.
 *
 * @param <T> what the effects write into (e.g. the router options being built)
 */
public final class KeyTable<T> {

  /** What a value does to the target; may throw {@link IllegalArgumentException} naming the bad value. */
  @FunctionalInterface
  public interface Effect<T> {
    void apply(T target, Object value, ConfigValue at);
  }

  private record Entry<T>(ValueKind kind, Effect<T> effect, KeyTable<T> section, String noEffect, boolean list) {

    Entry(ValueKind kind, Effect<T> effect, KeyTable<T> section, String noEffect) {
      this(kind, effect, section, noEffect, false);
    }
  }

  private final Map<String, Entry<T>> entries = new LinkedHashMap<>();
  private final Map<String, List<String>> examples = new LinkedHashMap<>();

  public static <T> KeyTable<T> of() {
    return new KeyTable<>();
  }

  /** A value with an effect. */
  public KeyTable<T> value(String key, ValueKind kind, Effect<T> effect) {
    entries.put(key, new Entry<>(kind, effect, null, null));
    return this;
  }

  /** A value that is checked for its type and otherwise only recorded. */
  public KeyTable<T> value(String key, ValueKind kind) {
    return value(key, kind, null);
  }

  /** A value accepted with the warning "accepted, no effect: {@code why}". */
  public KeyTable<T> noEffect(String key, ValueKind kind, String why) {
    entries.put(key, new Entry<>(kind, null, null, why));
    return this;
  }

  /** A nested map. */
  public KeyTable<T> section(String key, KeyTable<T> section) {
    entries.put(key, new Entry<>(null, null, section, null));
    return this;
  }

  /** A nested map whose keys are checked but change nothing: one warning for the whole section. */
  public KeyTable<T> noEffectSection(String key, KeyTable<T> section, String why) {
    entries.put(key, new Entry<>(null, null, section, why));
    return this;
  }

  /** A list of maps, each read as {@code element}. */
  public KeyTable<T> list(String key, KeyTable<T> element) {
    entries.put(key, new Entry<>(null, null, element, null, true));
    return this;
  }

  /**
   * The usual values of {@code key}, for an editor to offer; any other value is still up to the
   * reader (names are read case-insensitively, so they are no enum).
   */
  public KeyTable<T> examples(String key, List<String> values) {
    examples.put(key, List.copyOf(values));
    return this;
  }

  public List<String> keys() {
    return new ArrayList<>(entries.keySet());
  }

  /**
   * This table as a JSON Schema: a map of its keys (with their kinds, nested sections, and the
   * no-effect reason as the description), any other key but {@code x-} ones refused.
   */
  public JsonObject jsonSchema() {
    Map<String, JsonObject> properties = new LinkedHashMap<>();
    entries.forEach((key, e) -> {
      JsonObject schema = e.list ? JsonSchemas.listOf(e.section.jsonSchema())
          : e.section != null ? e.section.jsonSchema() : e.kind.jsonSchema();
      if (examples.containsKey(key)) {
        schema.put("examples", new JsonArray(new ArrayList<>(examples.get(key))));
      }
      if (e.noEffect != null) {
        schema.put("description", "accepted, no effect: " + e.noEffect);
      }
      properties.put(key, schema);
    });
    return JsonSchemas.map(properties, true);
  }

  /** Checks {@code section} (a map) against this table and applies the effects to {@code target}. */
  public void read(ConfigValue section, T target) {
    if (!section.expectMap()) {
      return;
    }
    section.checkKeys(entries.keySet());
    for (String key : section.keys()) {
      Entry<T> e = entries.get(key);
      ConfigValue child = section.child(key);
      if (e == null || !child.isPresent()) {
        continue;
      }
      if (e.list) {
        for (ConfigValue element : child.list("a list of maps")) {
          e.section.read(element, target);
        }
        continue;
      }
      if (e.section != null) {
        int before = section.problems().count();
        e.section.read(child, target);
        if (e.noEffect != null && section.problems().count() == before) {
          child.warn("accepted, no effect: " + e.noEffect);
        }
        continue;
      }
      Object value = child.read(e.kind);
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

  /** Options setters name their key ("batch_size must be ..."); the path already does. */
  static String withoutKeyPrefix(String key, String message) {
    if (message == null) {
      return "invalid value";
    }
    return message.startsWith(key + " ") ? message.substring(key.length() + 1) : message;
  }
}
