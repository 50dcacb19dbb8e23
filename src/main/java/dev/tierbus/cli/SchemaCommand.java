package dev.tierbus.cli;

import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.topology.TopologySchema;
import java.io.PrintStream;

/**
 * {@code schema}: prints the JSON Schema of the topology file for the container types at hand,
 * for an editor to complete and check {@code verticles.yaml} with.
 */
final class SchemaCommand {

  private SchemaCommand() {}

  /** Prints the schema on {@code out}; returns 0. */
  static int run(ContainerRegistry registry, PrintStream out) {
    out.println(TopologySchema.of(registry).encodePrettily());
    return TierbusCli.EXIT_OK;
  }
}
