/**
 * The command line, {@link dev.tierbus.cli.TierbusCli} (the fat jar's main class), on picocli:
 * {@link dev.tierbus.cli.TierbusCommand} is {@code tierbus}, each subcommand one class
 * ({@code RunCommand}, {@code BacktestCommand}, {@code ValidateCommand}, picocli's
 * {@code generate-completion}), built with its {@link dev.tierbus.cli.CommandContext} by
 * {@link dev.tierbus.cli.CommandFactory}; a command line that cannot run goes to
 * {@link dev.tierbus.cli.UsageErrors} (exit 2).
 *
 * <pre>
 * run       TopologyLoader.load ─▶ print warnings ─▶ TopologyRuntime.deploy ─▶ wait
 *           SIGTERM/SIGINT ─▶ shutdown hook: runtime.stop() ─▶ vertx.close()   (≤ 15 s)
 * validate  TopologyLoader.load ─▶ "ok" (exit 0) or every problem (exit 2)
 * </pre>
 */
package dev.tierbus.cli;
