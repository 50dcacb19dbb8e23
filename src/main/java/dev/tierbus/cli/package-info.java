/**
 * The command line, {@link dev.tierbus.cli.TierbusCli} (the fat jar's main class).
 *
 * <pre>
 * run       TopologyLoader.load ─▶ print warnings ─▶ TopologyRuntime.deploy ─▶ wait
 *           SIGTERM/SIGINT ─▶ shutdown hook: runtime.stop() ─▶ vertx.close()   (≤ 15 s)
 * validate  TopologyLoader.load ─▶ "ok" (exit 0) or every problem (exit 2)
 * </pre>
 */
package dev.tierbus.cli;
