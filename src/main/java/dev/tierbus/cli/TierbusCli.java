package dev.tierbus.cli;

import dev.tierbus.container.ContainerRegistry;
import java.io.PrintStream;

/**
 * The command line: {@code java -jar tierbus.jar run|backtest|validate|schema [--topology FILE]}.
 *
 * <p>Exit status: 0 ok; 1 deployment (or another unexpected) failure; 2 bad arguments or a
 * bad topology file, every problem printed to stderr as {@code path: message}. A running
 * node stops on SIGTERM/SIGINT: a shutdown hook undeploys the containers, closes the router
 * and Vert.x (at most 15 s), and the JVM exits with its usual 143/130.
 */
public final class TierbusCli {

  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_USAGE = 2;

  static final String USAGE = String.join(System.lineSeparator(),
      "Usage: java -jar tierbus.jar <command> [options]",
      "",
      "Commands:",
      "  run        load the topology, deploy every container on this node and run until",
      "             stopped (SIGTERM or Ctrl-C stops it cleanly)",
      "  backtest   run the topology over its market data on a simulated clock, as fast as",
      "             possible and deterministically; write report.json, trades.csv, equity.csv",
      "             and report.html",
      "  validate   check the topology file and print 'ok' or every problem as 'path: message';",
      "             deploys nothing",
      "  schema     print the JSON Schema of the topology file (for an editor to complete and",
      "             check it; the repository keeps it as schema/topology.schema.json)",
      "",
      "Options:",
      "  -t, --topology FILE   the topology file (default: verticles.yaml in the working directory)",
      "  --data FILE           backtest: replay this CSV file instead of the data container's files",
      "                        (repeat for several; the symbol is the file name up to its first _ - .)",
      "  --out DIR             backtest: where the report goes (default: backtest-report)",
      "  --http-port PORT      run: the HTTP API, WebSocket stream and dashboard on this port instead of",
      "                        the topology's http.port (default 8080); 0 picks a free port",
      "  -h, --help            print this help",
      "",
      "Exit status: 0 ok, 1 deployment failed, 2 bad arguments or a bad topology file.",
      "Warnings (settings accepted but without effect) go to stderr and do not fail.");

  private TierbusCli() {}

  public static void main(String[] args) {
    int code = execute(args, System.out, System.err, ContainerRegistry.withDefaults(), true);
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  /** Runs the command line with the built-in container types; returns the exit status. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    return execute(args, out, err, ContainerRegistry.withDefaults(), false);
  }

  /** Runs the command line with {@code registry}'s container types; returns the exit status. */
  public static int execute(String[] args, PrintStream out, PrintStream err, ContainerRegistry registry) {
    return execute(args, out, err, registry, false);
  }

  static int execute(String[] args, PrintStream out, PrintStream err, ContainerRegistry registry,
      boolean installShutdownHook) {
    CliArgs parsed = CliArgs.parse(args);
    if (parsed.help()) {
      out.println(USAGE);
      return EXIT_OK;
    }
    if (parsed.error() != null) {
      err.println("tierbus: " + parsed.error());
      err.println();
      err.println(USAGE);
      return EXIT_USAGE;
    }
    return switch (parsed.command()) {
      case CliArgs.VALIDATE -> ValidateCommand.run(parsed.topology(), registry, out, err);
      case CliArgs.RUN -> new RunCommand(registry, err, installShutdownHook).httpPort(parsed.httpPort())
          .run(parsed.topology());
      case CliArgs.SCHEMA -> SchemaCommand.run(registry, out);
      case CliArgs.BACKTEST -> new BacktestCommand(registry, out, err).run(parsed.topology(), parsed.data(), parsed.out());
      default -> throw new IllegalStateException("unhandled command " + parsed.command());
    };
  }
}
