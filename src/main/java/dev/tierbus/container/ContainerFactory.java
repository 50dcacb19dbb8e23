package dev.tierbus.container;

import io.vertx.core.json.JsonObject;
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
   * Problems with the parameters of a container of this type, each as
   * {@code "key: what is wrong, expected ..."} (the key relative to the container's entry);
   * empty when they are fine.
   */
  default List<String> validate(JsonObject params) {
    return List.of();
  }
}
