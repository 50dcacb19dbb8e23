package dev.tierbus.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line: a command and its options, or the reason it could not be parsed.
 *
 * @param command {@code run}, {@code validate}, {@code backtest} or {@code schema}; null with {@code help} or
 *     {@code error}
 * @param topology the topology file
 * @param data {@code backtest --data} files (empty: the topology's own)
 * @param out {@code backtest --out} directory
 * @param help whether help was asked for
 * @param error what is wrong with the arguments, or null
 * @param httpPort {@code --http-port}: the HTTP server's port instead of the topology's, or null
 */
record CliArgs(String command, String topology, List<String> data, String out, boolean help, String error,
    Integer httpPort) {

  static final String DEFAULT_TOPOLOGY = "verticles.yaml";
  static final String DEFAULT_OUT = "backtest-report";
  static final String RUN = "run";
  static final String VALIDATE = "validate";
  static final String BACKTEST = "backtest";
  static final String SCHEMA = "schema";

  static CliArgs parse(String[] args) {
    String command = null;
    String topology = DEFAULT_TOPOLOGY;
    List<String> data = new ArrayList<>();
    String out = null;
    Integer httpPort = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        return new CliArgs(null, topology, List.of(), DEFAULT_OUT, true, null, null);
      }
      String option = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
      String inline = a.contains("=") && a.startsWith("--") ? a.substring(a.indexOf('=') + 1) : null;
      switch (option) {
        case "-t", "--topology", "--data", "--out" -> {
          String value = inline;
          if (value == null) {
            if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
              return error(option + " needs " + (option.equals("--out") ? "a directory" : "a file name"));
            }
            value = args[++i];
          }
          if (value.isEmpty()) {
            return error(option + " needs " + (option.equals("--out") ? "a directory" : "a file name"));
          }
          switch (option) {
            case "--data" -> data.add(value);
            case "--out" -> out = value;
            default -> topology = value;
          }
        }
        case "--http-port" -> {
          String value = inline != null ? inline : i + 1 < args.length ? args[++i] : "";
          httpPort = port(value);
          if (httpPort == null) {
            return error("--http-port needs a port number in [0, 65535] (0: any free port), got '" + value + "'");
          }
        }
        default -> {
          if (a.startsWith("-")) {
            return error("unknown option '" + a + "'");
          } else if (command == null) {
            if (!a.equals(RUN) && !a.equals(VALIDATE) && !a.equals(BACKTEST) && !a.equals(SCHEMA)) {
              return error("unknown command '" + a + "'");
            }
            command = a;
          } else {
            return error("unexpected argument '" + a + "'");
          }
        }
      }
    }
    if (command == null) {
      return error(args.length == 0 ? "no command given" : "no command given (run, backtest, validate or schema)");
    }
    if (!command.equals(BACKTEST) && (!data.isEmpty() || out != null)) {
      return error((data.isEmpty() ? "--out" : "--data") + " is an option of backtest only");
    }
    if (!command.equals(RUN) && httpPort != null) {
      return error("--http-port is an option of run only");
    }
    return new CliArgs(command, topology, List.copyOf(data), out == null ? DEFAULT_OUT : out, false, null, httpPort);
  }

  private static Integer port(String value) {
    try {
      int p = Integer.parseInt(value.trim());
      return p >= 0 && p <= 65_535 ? p : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static CliArgs error(String message) {
    return new CliArgs(null, null, List.of(), null, false, message, null);
  }
}
