package dev.tierbus.topology.impl;

import dev.tierbus.config.ConfigValue;
import dev.tierbus.config.UnknownParameters;
import dev.tierbus.container.ContainerFactory;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.container.ContainerSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a container entry with its type: the type's own check of its parameters
 * ({@code ContainerFactory.validate}), then every key of its params against the parameters the
 * type declares, each other key refused with the closest parameter or structural key as a
 * suggestion ({@code external_event: unknown parameter of strategy_ensemble, did you mean
 * external_events?}), then, for an entry without problems, the type's warnings. A type that
 * declares no parameters has its keys accepted unchecked, with a warning, except a near miss of
 * a structural key, which is refused. {@code x-} keys are annotations: never checked. Each
 * {@code "key: message"} is reported at the key's real place ({@code params.key} or the entry's
 * own key).
 */
final class TypeChecks {

  private static final List<String> STRUCTURAL_KEYS = ContainerSpec.STRUCTURAL_KEYS;

  private final ContainerRegistry registry;

  TypeChecks(ContainerRegistry registry) {
    this.registry = registry;
  }

  /**
   * Checks the entry at {@code entry} whose spec is {@code spec}.
   *
   * @param fromParamsBlock the keys of the spec's params given in the entry's {@code params} block
   */
  void check(ConfigValue entry, ContainerSpec spec, Set<String> fromParamsBlock) {
    String type = spec.type();
    ContainerFactory factory = registry.factory(type);
    List<String> found;
    Optional<Set<String>> declared;
    try {
      found = factory.validate(spec);
      declared = factory.parameters();
    } catch (RuntimeException e) {
      entry.problem("checking the parameters of container type '" + type + "' failed: " + e);
      return;
    }
    int before = entry.problems().count();
    Set<String> reported = new HashSet<>();
    for (String p : found == null ? List.<String>of() : found) {
      reported.add(report(entry, p, fromParamsBlock, false));
    }
    checkKeys(entry, spec, declared == null ? Optional.empty() : declared, reported, fromParamsBlock);
    if (entry.problems().count() > before) {
      return;
    }
    List<String> warnings;
    try {
      warnings = factory.warnings(spec);
    } catch (RuntimeException e) {
      entry.warn("the warnings of container type '" + type + "' could not be made: " + e);
      return;
    }
    for (String w : warnings == null ? List.<String>of() : warnings) {
      report(entry, w, fromParamsBlock, true);
    }
  }

  /**
   * The keys of the spec's params against the declared parameters: each other key is refused
   * with a suggestion. Undeclared: only a near miss of a structural key is refused, the rest is
   * listed in one warning. Keys the type's own check already reported are left alone.
   */
  private static void checkKeys(ConfigValue entry, ContainerSpec spec, Optional<Set<String>> declared, Set<String> reported,
      Set<String> fromParamsBlock) {
    List<String> unchecked = new ArrayList<>();
    for (String key : spec.params().fieldNames()) {
      if (key.startsWith(ContainerSpec.ANNOTATION_PREFIX) || reported.contains(key)) {
        continue;
      }
      if (declared.isPresent()) {
        if (!declared.get().contains(key)) {
          report(entry, key + ": " + UnknownParameters.message(key, spec.type(), declared.get(), STRUCTURAL_KEYS),
              fromParamsBlock, false);
        }
        continue;
      }
      Optional<String> structural = UnknownParameters.closest(key, STRUCTURAL_KEYS);
      if (structural.isPresent()) {
        report(entry, key + ": unknown key, did you mean " + structural.get() + "? (container type '" + spec.type()
            + "' declares no parameters, so this key would reach it unchecked)", fromParamsBlock, false);
      } else {
        unchecked.add(key);
      }
    }
    if (!unchecked.isEmpty()) {
      entry.warn((unchecked.size() == 1 ? "parameter " : "parameters ") + String.join(", ", unchecked)
          + (unchecked.size() == 1 ? " is" : " are") + " not checked: container type '" + spec.type()
          + "' does not declare its parameters");
    }
  }

  /**
   * Reports {@code "key: message"} at the key's place, or the whole text at the entry when it
   * names no key.
   *
   * @return the top-level key it is about, or "" when none
   */
  private static String report(ConfigValue entry, String text, Set<String> fromParamsBlock, boolean warning) {
    int colon = text.indexOf(": ");
    String key = colon > 0 ? text.substring(0, colon) : "";
    if (key.isEmpty() || key.contains(" ")) {
      if (warning) {
        entry.warn(text);
      } else {
        entry.problem(text);
      }
      return "";
    }
    String first = key.split("[.\\[]", 2)[0];
    String path = fromParamsBlock.contains(first) ? entry.path() + ".params." + key : entry.path() + "." + key;
    if (warning) {
      entry.problems().warn(path, text.substring(colon + 2));
    } else {
      entry.problems().add(path, text.substring(colon + 2));
    }
    return first;
  }
}
