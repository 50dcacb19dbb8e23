/**
 * Containers: verticles with an id, a type, parameters, a parent, children and components.
 *
 * <pre>
 *   ensemble (Container) ── internal bus (local, by reference) ──┬── strategy A (child)
 *        │  components: direct calls (Emitter.emit)              └── strategy B (child)
 *        └── publishExternal ─► TieredEventRouter ─► other containers
 * </pre>
 *
 * <p>What users touch: {@link dev.tierbus.container.Container} (the verticle base),
 * {@link dev.tierbus.container.Component} and {@link dev.tierbus.container.AsyncComponent} (a
 * lambda is a component), {@link dev.tierbus.container.Emitter},
 * {@link dev.tierbus.container.ContainerFactory} and
 * {@link dev.tierbus.container.ContainerRegistry} (maps {@code container_type} names to
 * factories), {@link dev.tierbus.container.ContainerDeployer} (builds and deploys trees all or
 * nothing), {@link dev.tierbus.container.ContainerTestKit} (runs one container in isolation).
 *
 * <p>A container's parts, package-private, each with one job:
 * <pre>
 *   router ──► RouterInbound ──┐ (per tier: handle / handleAsync, reliable handling tracked)
 *   internal bus ──► InternalBus ──┴─► ComponentChain ──► components (their effects, emits)
 *   publishExternal ──► ExternalPublisher ──► SourcePublisher (own context) or a hand-over
 *   publishInternal ──► InternalBus.send ──► children / parent / siblings
 *   Children: the child containers, deployed at start or at runtime
 * </pre>
 */
package dev.tierbus.container;
