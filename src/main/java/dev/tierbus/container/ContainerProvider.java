package dev.tierbus.container;

/**
 * Contributes container types to every {@link ContainerRegistry#withDefaults()} registry;
 * found with {@link java.util.ServiceLoader}, so a jar on the class path can add types
 * without touching the runtime.
 */
public interface ContainerProvider {
  void register(ContainerRegistry registry);
}
