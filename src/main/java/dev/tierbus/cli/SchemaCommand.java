package dev.tierbus.cli;

import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.topology.TopologySchema;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code schema}: prints the JSON Schema of the topology file for the container types at hand,
 * for an editor to complete and check {@code verticles.yaml} with.
 */
@Command(name = "schema",
    description = "Print the JSON Schema of the topology file (for an editor to complete and check it;"
        + " the repository keeps it as schema/topology.schema.json).",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class)
final class SchemaCommand implements Callable<Integer> {

  private final ContainerRegistry registry;
  private final PrintStream out;

  SchemaCommand(CommandContext context) {
    this.registry = context.registry();
    this.out = context.out();
  }

  @Override
  public Integer call() {
    out.println(TopologySchema.of(registry).encodePrettily());
    return TierbusCli.EXIT_OK;
  }
}
