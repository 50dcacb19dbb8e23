package dev.tierbus.cli;

import dev.tierbus.config.Problem;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.topology.Topology;
import dev.tierbus.topology.TopologyException;
import dev.tierbus.topology.TopologyLoader;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.time.Duration;

/** {@code validate}: checks the topology file, deploys nothing. */
final class ValidateCommand {

  static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

  private ValidateCommand() {}

  /** Prints {@code ok} (warnings on {@code err}) and returns 0, or prints every problem and returns 2. */
  static int run(String file, ContainerRegistry registry, PrintStream out, PrintStream err) {
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
