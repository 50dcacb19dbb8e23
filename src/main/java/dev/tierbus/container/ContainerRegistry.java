package dev.tierbus.container;

import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps {@code container_type} names to factories.
 *
 * <pre>{@code
 * ContainerRegistry registry = ContainerRegistry.withDefaults()
 *     .register("my_strategy", Set.of("threshold"), spec -> new MyStrategyContainer(spec.params()));
 * }</pre>
 *
 * A type registered with its parameter names has every other key of its entries refused; one
 * registered without them (and whose factory does not declare them) has its keys unchecked.
 */
public final class ContainerRegistry {

  private final Map<String, ContainerFactory> factories = new ConcurrentHashMap<>();

  /** An empty registry. */
  public static ContainerRegistry empty() {
    return new ContainerRegistry();
  }

  /** A registry with every type contributed by a {@link ContainerProvider} on the class path. */
  public static ContainerRegistry withDefaults() {
    ContainerRegistry registry = new ContainerRegistry();
    for (ContainerProvider provider : ServiceLoader.load(ContainerProvider.class)) {
      provider.register(registry);
    }
    return registry;
  }

  /** Registers (or replaces) the factory of a type. */
  public ContainerRegistry register(String type, ContainerFactory factory) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(factory, "factory");
    if (type.isBlank()) {
      throw new IllegalArgumentException("type must not be blank");
    }
    factories.put(type, factory);
    return this;
  }

  /**
   * Registers (or replaces) the factory of a type that takes {@code parameters} (the top-level
   * keys of its entries besides the structural ones); any other key is refused with a
   * "did you mean". {@code x-} keys stay free for annotations.
   */
  public ContainerRegistry register(String type, Set<String> parameters, ContainerFactory factory) {
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(factory, "factory");
    return register(type, ContainerFactory.declaring(parameters, factory));
  }

  public boolean contains(String type) {
    return factories.containsKey(type);
  }

  /** The factory of {@code type}, or an exception listing the known types. */
  public ContainerFactory factory(String type) {
    ContainerFactory f = factories.get(type);
    if (f == null) {
      throw new IllegalArgumentException("unknown container type '" + type + "', known: " + types());
    }
    return f;
  }

  /** An independent registry with the same types (to override some of them for one run). */
  public ContainerRegistry copy() {
    ContainerRegistry c = new ContainerRegistry();
    c.factories.putAll(factories);
    return c;
  }

  /** The registered type names, sorted. */
  public Set<String> types() {
    return new TreeSet<>(factories.keySet());
  }
}
