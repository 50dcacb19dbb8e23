package dev.tierbus.cli;

import dev.tierbus.config.Problem;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.topology.Topology;
import dev.tierbus.topology.TopologyException;
import dev.tierbus.topology.TopologyLoader;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code validate}: checks the topology file, deploys nothing. */
@Command(name = "validate",
    description = "Check the topology file and print 'ok', or every problem as 'path: message'; deploys nothing.",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:ok (warnings, if any, on stderr)",
        "1:the file could not be checked",
        "2:a bad topology file"})
final class ValidateCommand implements Callable<Integer> {

  static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

  @ParentCommand
  private TierbusCommand tierbus;

  private final ContainerRegistry registry;
  private final PrintStream out;
  private final PrintStream err;

  ValidateCommand(CommandContext context) {
    this.registry = context.registry();
    this.out = context.out();
    this.err = context.err();
  }

  @Override
  public Integer call() {
    return run(tierbus.topology());
  }

  /** Prints {@code ok} (warnings on {@code err}) and returns 0, or prints every problem and returns 2. */
  int run(String file) {
    Vertx vertx = Vertx.vertx();
    try {
      Topology topology = Await.result(TopologyLoader.load(vertx, file, registry), LOAD_TIMEOUT);
      printWarnings(topology, err);
      out.println("ok");
      return TierbusCli.EXIT_OK;
    } catch (TopologyException e) {
      printProblems(e, err);
      return TierbusCli.EXIT_USAGE;
    } catch (Exception e) {
      err.println("error: cannot check " + file + ": " + e);
      return TierbusCli.EXIT_FAILURE;
    } finally {
      try {
        Await.result(vertx.close(), LOAD_TIMEOUT);
      } catch (Exception ignored) {
        // the answer is already printed
      }
    }
  }

  static void printProblems(TopologyException e, PrintStream err) {
    for (Problem p : e.problems()) {
      err.println(p);
    }
  }

  static void printWarnings(Topology topology, PrintStream err) {
    for (String w : topology.warnings()) {
      err.println("warning: " + w);
    }
  }
}
