package dev.tierbus.container;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Makes containers of one {@code container_type}.
 *
 * <p>{@link #validate} is called before anything deploys, so a bad parameter is reported with
 * the other problems of the topology file instead of failing half-way through a start.
 *
 * <p>A type declares its parameters with {@link #parameters()} (or by being registered with
 * {@link ContainerRegistry#register(String, Set, ContainerFactory)}): the topology then refuses
 * any other key of its entries with a "did you mean" naming the closest parameter. A type that
 * declares none gets its keys unchecked, and the topology says so in a warning.
 */
@FunctionalInterface
public interface ContainerFactory {

  /** A new, not yet deployed container for {@code spec}. */
  Container create(ContainerSpec spec);

  /**
   * Problems with a container of this type — its params, {@code internal_events} or children —
   * each as {@code "key: what is wrong, expected ..."} with the key relative to the container's
   * entry (e.g. {@code period}, {@code internal_events.aggregation.method}); empty when it is
   * fine. The spec's subscriptions and publications are checked by the runtime, not here; so
   * are top-level keys that are not among {@link #parameters()}.
   */
  default List<String> validate(ContainerSpec spec) {
    return List.of();
  }

  /**
   * Things the user should know about a spec that is valid, in the form of {@link #validate}:
   * printed by {@code validate}, {@code run} and {@code backtest}, never a reason to refuse it.
   */
  default List<String> warnings(ContainerSpec spec) {
    return List.of();
  }

  /**
   * The parameters of this type: the top-level keys of a spec's params it takes (nested keys
   * are the type's own to check in {@link #validate}). Empty when the type does not declare
   * them; an empty set when it takes none.
   */
  default Optional<Set<String>> parameters() {
    return Optional.empty();
  }

  /**
   * The JSON Schema (draft 2020-12) of each of {@link #parameters()}: this type's part of the
   * topology's schema, with which an editor completes and checks the type's entries. The
   * default gives each declared parameter with no constraint on its value; a type that knows
   * its parameters' kinds gives them. Empty when the type does not declare its parameters.
   */
  default Map<String, JsonObject> parameterSchemas() {
    Map<String, JsonObject> out = new TreeMap<>();
    parameters().ifPresent(p -> p.forEach(key -> out.put(key, new JsonObject())));
    return out;
  }

  /**
   * Parameters a running node takes only from its topology file, never from a runtime change
   * (a container deployed or redeployed through the HTTP API): they decide what the node may
   * touch on its host, such as the folder it writes in. A runtime change may give one only with
   * the value the container it replaces has. Empty (the default) when there are none.
   */
  default Set<String> fileOnlyParameters() {
    return Set.of();
  }

  /** {@code factory} with {@code parameters} declared: what {@link ContainerRegistry#register(String, Set, ContainerFactory)} registers. */
  static ContainerFactory declaring(Set<String> parameters, ContainerFactory factory) {
    Set<String> declared = Set.copyOf(parameters);
    return new ContainerFactory() {
      @Override
      public Container create(ContainerSpec spec) {
        return factory.create(spec);
      }

      @Override
      public List<String> validate(ContainerSpec spec) {
        return factory.validate(spec);
      }

      @Override
      public List<String> warnings(ContainerSpec spec) {
        return factory.warnings(spec);
      }

      @Override
      public Optional<Set<String>> parameters() {
        return Optional.of(declared);
      }

      @Override
      public Set<String> fileOnlyParameters() {
        return factory.fileOnlyParameters();
      }
    };
  }
}
