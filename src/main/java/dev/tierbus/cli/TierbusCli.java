package dev.tierbus.cli;

import dev.tierbus.container.ContainerRegistry;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The command line: {@code java -jar tierbus.jar run|backtest|validate|schema [--topology FILE]}, on
 * picocli ({@link TierbusCommand} and its subcommands).
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
    return commandLine(new CommandContext(registry, out, err, installShutdownHook)).execute(args);
  }

  /** The command line, ready to parse or execute arguments with {@code context}. */
  static CommandLine commandLine(CommandContext context) {
    return new CommandLine(TierbusCommand.class, new CommandFactory(context))
        .setOut(new PrintWriter(new PrintStreamWriter(context.out()), true))
        .setErr(new PrintWriter(new PrintStreamWriter(context.err()), true))
        .setParameterExceptionHandler(new UsageErrors())
        // as before picocli: the last of a repeated option wins
        .setOverwrittenOptionsAllowed(true)
        // "--topology --verbose" lacks a file name; it does not name a file "--verbose"
        .setUnmatchedOptionsAllowedAsOptionParameters(false);
  }
}
