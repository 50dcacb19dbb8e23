/**
 * The topology file ({@code verticles.yaml}): reading it, checking it and deploying it on a node.
 *
 * <pre>
 * verticles.yaml ──TopologyLoader.read──▶ JsonObject ──TopologyValidator──▶ Topology ──TopologyRuntime.deploy──▶ running
 *                   (missing file,          (every problem with its        (ContainerSpecs,   (router + containers,
 *                    syntax error)           key path, warnings)            RouterOptions)     all or nothing)
 * </pre>
 *
 * <p>A bad file is refused before anything starts: {@link dev.tierbus.topology.TopologyException}
 * carries every {@link dev.tierbus.topology.Problem} found, each as {@code path: message}, e.g.
 * {@code strategy_ensemble_container.sub_containers[1].strategy: ...}. A key a container type
 * does not declare is one of them, with the key that was probably meant
 * ({@code exec.slipage_bps: unknown parameter of execution, did you mean slippage_bps?}). Keys that are understood
 * but change nothing on the JVM (memory pre-allocation, thread pinning, the journal's storage
 * engine) are accepted and listed in {@link dev.tierbus.topology.Topology#warnings()}.
 */
package dev.tierbus.topology;
