package dev.tierbus.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level command, {@code tierbus}: its subcommands and the option they share,
 * {@code --topology}. A new command is one class annotated {@code @Command} with a constructor
 * taking a {@link CommandContext}, named in {@code subcommands} below.
 */
@Command(name = "tierbus",
    customSynopsis = "java -jar tierbus.jar <command> [options]",
    description = "Runs a topology of trading containers on Vert.x: a node, a backtest, or a check of the file.",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    subcommands = {
        RunCommand.class,
        BacktestCommand.class,
        ValidateCommand.class,
        SchemaCommand.class,
        AutoComplete.GenerateCompletion.class},
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:ok",
        "1:deployment failed",
        "2:bad arguments or a bad topology file"},
    footerHeading = "%n",
    footer = "Warnings (settings accepted but without effect) go to stderr and do not fail.")
final class TierbusCommand implements Callable<Integer> {

  static final String DEFAULT_TOPOLOGY = "verticles.yaml";

  @Spec
  private CommandSpec spec;

  // inherited: given before the command or after it, it lands here
  @Option(names = {"-t", "--topology"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
      converter = FileArgument.class,
      description = "The topology file (default: " + DEFAULT_TOPOLOGY + " in the working directory).")
  private Path topology;

  /** The topology file as named on the command line, or {@value #DEFAULT_TOPOLOGY}. */
  String topology() {
    return topology == null ? DEFAULT_TOPOLOGY : topology.toString();
  }

  /** Options alone, no command: a usage error. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "no command given (" + commandNames() + ")");
  }

  private String commandNames() {
    List<String> names = new ArrayList<>();
    for (CommandLine sub : spec.subcommands().values()) {
      if (!sub.getCommandSpec().usageMessage().hidden()) {
        names.add(sub.getCommandName());
      }
    }
    return names.size() < 2 ? String.join("", names)
        : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }
}
