package dev.tierbus.cli;

import dev.tierbus.container.ContainerRegistry;
import java.io.PrintStream;

/**
 * What a command runs with: the container types it knows, where it prints, and whether it owns
 * the process.
 *
 * @param registry the container types a topology may name
 * @param out where results go ({@code ok}, the backtest summary, help)
 * @param err where problems, warnings and progress go
 * @param ownsProcess true when started from {@code main}: {@code run} then stops on
 *     SIGTERM/SIGINT through a JVM shutdown hook; false in-process (tests), where the caller
 *     stops it
 */
record CommandContext(ContainerRegistry registry, PrintStream out, PrintStream err, boolean ownsProcess) {}
