/**
 * Containers: verticles with an id, a type, parameters, a parent, children and components.
 *
 * <pre>
 *   ensemble (Container) ── internal bus (local, by reference) ──┬── strategy A (child)
 *        │  components: direct calls (Emitter.emit)              └── strategy B (child)
 *        └── publishExternal ─► TieredEventRouter ─► other containers
 * </pre>
 *
 * {@link dev.tierbus.container.ContainerRegistry} maps {@code container_type} names to
 * factories; {@link dev.tierbus.container.ContainerDeployer} builds and deploys trees all or
 * nothing; {@link dev.tierbus.container.ContainerTestKit} runs one container in isolation.
 */
package dev.tierbus.container;
