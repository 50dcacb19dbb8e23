package dev.tierbus.container;

import java.util.List;

/**
 * Makes containers of one {@code container_type}.
 *
 * <p>{@link #validate} is called before anything deploys, so a bad parameter is reported with
 * the other problems of the topology file instead of failing half-way through a start.
 */
@FunctionalInterface
public interface ContainerFactory {

  /** A new, not yet deployed container for {@code spec}. */
  Container create(ContainerSpec spec);

  /**
   * Problems with a container of this type — its params, {@code internal_events} or children —
   * each as {@code "key: what is wrong, expected ..."} with the key relative to the container's
   * entry (e.g. {@code period}, {@code internal_events.aggregation.method}); empty when it is
   * fine. The spec's subscriptions and publications are checked by the runtime, not here.
   */
  default List<String> validate(ContainerSpec spec) {
    return List.of();
  }
}
