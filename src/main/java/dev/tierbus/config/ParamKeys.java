package dev.tierbus.config;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The keys one {@link ParamReader} knows — read, asked for or declared, and those another mode
 * of the configuration reads — with the kind each was read as, and the report of every other
 * key of its object.
 */
final class ParamKeys {

  private String owner;
  private Collection<String> alsoSuggested = List.of();
  private final Set<String> known = new LinkedHashSet<>();
  /** key → the kind it was read as; null when read as two different kinds. */
  private final Map<String, ValueKind> kinds = new LinkedHashMap<>();
  /** key → (the key that picks a mode → the values of it whose mode reads the key). */
  private final Map<String, Map<String, Set<String>>> otherModes = new LinkedHashMap<>();
  private boolean unreadIgnored;

  ParamKeys(String owner) {
    this.owner = owner;
  }

  String owner() {
    return owner;
  }

  void owner(String newOwner) {
    owner = newOwner;
  }

  void alsoSuggest(Collection<String> keys) {
    alsoSuggested = List.copyOf(keys);
  }

  void read(String key) {
    known.add(key);
  }

  /** {@code key} is read as {@code kind} (by this mode). */
  void kind(String key, ValueKind kind) {
    if (kinds.containsKey(key) && kinds.get(key) != kind) {
      kinds.put(key, null);
    } else {
      kinds.put(key, kind);
    }
  }

  void usedOnlyWith(Collection<String> keys, String modeKey, String modeValue) {
    for (String key : keys) {
      otherModes.computeIfAbsent(key, k -> new LinkedHashMap<>())
          .computeIfAbsent(modeKey, k -> new TreeSet<>()).add(modeValue);
    }
  }

  void ignoreUnread() {
    unreadIgnored = true;
  }

  /** Every key known here, in any mode, sorted. */
  Set<String> declared() {
    Set<String> keys = new TreeSet<>(known);
    keys.addAll(otherModes.keySet());
    return Collections.unmodifiableSet(keys);
  }

  /**
   * The JSON Schema of every key known here, sorted: its kind when this mode alone reads it as
   * one kind; no constraint for a key only asked for, one read as several kinds, or one that
   * another mode reads too (it may read it as another kind).
   */
  Map<String, JsonObject> schemas() {
    Map<String, JsonObject> out = new LinkedHashMap<>();
    for (String key : declared()) {
      ValueKind kind = otherModes.containsKey(key) ? null : kinds.get(key);
      out.put(key, kind == null ? new JsonObject() : kind.jsonSchema());
    }
    return Collections.unmodifiableMap(out);
  }

  /** Hands {@code (key, message)} to {@code problem} for each key of {@code params} not known here. */
  void reportUnread(JsonObject params, BiConsumer<String, String> problem) {
    if (unreadIgnored) {
      return;
    }
    for (String key : params.fieldNames()) {
      if (known.contains(key) || Annotations.isAnnotation(key)) {
        continue;
      }
      Map<String, Set<String>> modes = otherModes.get(key);
      if (modes != null) {
        List<String> uses = new ArrayList<>();
        modes.forEach((modeKey, values) -> uses.add(modeKey + ": " + joinOr(values)));
        problem.accept(key, "only used with " + String.join(" or ", uses));
      } else {
        problem.accept(key, UnknownParameters.message(key, owner, known, alsoSuggested));
      }
    }
  }

  private static String joinOr(Collection<String> values) {
    List<String> v = new ArrayList<>(values);
    if (v.size() == 1) {
      return v.get(0);
    }
    return String.join(", ", v.subList(0, v.size() - 1)) + " or " + v.get(v.size() - 1);
  }
}
