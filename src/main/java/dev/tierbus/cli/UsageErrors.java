package dev.tierbus.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line that cannot run: {@code tierbus: } and what is wrong on stderr, picocli's
 * suggestion for a misspelled command or option ("Did you mean: tierbus run?"), then the usage
 * of the command concerned; exit status {@link TierbusCli#EXIT_USAGE}.
 *
 * <p>What is wrong is said in the product's words rather than picocli's ("unknown command
 * 'deploy'", "--topology needs a file name", "--data is an option of backtest only"): scripts
 * and people know these.
 */
final class UsageErrors implements IParameterExceptionHandler {

  /** What an option's value must be, by its parameter label. */
  private static final Map<String, String> VALUES = Map.of(
      "FILE", "a file name",
      "DIR", "a directory",
      "PORT", "a port number in [0, " + PortArgument.MAX + "] (0: any free port)");

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("tierbus: " + describe(ex));
    if (ex instanceof UnmatchedArgumentException unmatched) {
      suggest(unmatched, err);
    }
    err.println();
    command.usage(err);
    err.flush();
    return TierbusCli.EXIT_USAGE;
  }

  /**
   * Picocli's suggestions: for a command its own line ("Did you mean: tierbus run?"), for an
   * option the same words ("Did you mean: --topology?") rather than its "Possible solutions".
   */
  private static void suggest(UnmatchedArgumentException ex, PrintWriter err) {
    List<String> suggestions = ex.getSuggestions();
    if (!ex.isUnknownOption()) {
      ex.printSuggestions(err);
    } else if (!suggestions.isEmpty()) {
      err.println("Did you mean: " + String.join(" or ", suggestions) + "?");
    }
  }

  private static String describe(ParameterException ex) {
    if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      return unmatched(unmatched);
    }
    if (ex instanceof MissingParameterException missing && missing.getMissing().size() == 1
        && missing.getMissing().get(0) instanceof OptionSpec option) {
      return needs(option, null);
    }
    if (ex.getArgSpec() instanceof OptionSpec option && ex.getCause() instanceof TypeConversionException) {
      return needs(option, ex.getValue());
    }
    return ex.getMessage();
  }

  /** "--topology needs a file name", "--http-port needs a port number ..., got '70000'". */
  private static String needs(OptionSpec option, String value) {
    return option.longestName() + " needs " + VALUES.getOrDefault(option.paramLabel(), "a value")
        + (value == null || value.isEmpty() ? "" : ", got '" + value + "'");
  }

  private static String unmatched(UnmatchedArgumentException ex) {
    String arg = ex.getUnmatched().get(0);
    CommandLine command = ex.getCommandLine();
    if (ex.isUnknownOption()) {
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String owner = ownerOf(name, command);
      return owner == null ? "unknown option '" + arg + "'" : name + " is an option of " + owner + " only";
    }
    return command.getParent() == null ? "unknown command '" + arg + "'" : "unexpected argument '" + arg + "'";
  }

  /** The other command that has option {@code name}, or null. */
  private static String ownerOf(String name, CommandLine command) {
    for (CommandLine sub : command.getCommandSpec().root().subcommands().values()) {
      OptionSpec option = sub.getCommandSpec().findOption(name);
      if (sub != command && option != null && !option.inherited()) {
        return sub.getCommandName();
      }
    }
    return null;
  }
}
