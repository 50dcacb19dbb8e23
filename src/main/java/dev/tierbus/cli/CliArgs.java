package dev.tierbus.cli;

/**
 * The parsed command line: a command and its options, or the reason it could not be parsed.
 *
 * @param command {@code run} or {@code validate}; null with {@code help} or {@code error}
 * @param topology the topology file
 * @param help whether help was asked for
 * @param error what is wrong with the arguments, or null
 */
record CliArgs(String command, String topology, boolean help, String error) {

  static final String DEFAULT_TOPOLOGY = "verticles.yaml";
  static final String RUN = "run";
  static final String VALIDATE = "validate";

  static CliArgs parse(String[] args) {
    String command = null;
    String topology = DEFAULT_TOPOLOGY;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        return new CliArgs(null, topology, true, null);
      }
      if (a.equals("-t") || a.equals("--topology")) {
        if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
          return error(a + " needs a file name");
        }
        topology = args[++i];
      } else if (a.startsWith("--topology=")) {
        topology = a.substring("--topology=".length());
        if (topology.isEmpty()) {
          return error("--topology needs a file name");
        }
      } else if (a.startsWith("-")) {
        return error("unknown option '" + a + "'");
      } else if (command == null) {
        if (!a.equals(RUN) && !a.equals(VALIDATE)) {
          return error("unknown command '" + a + "'");
        }
        command = a;
      } else {
        return error("unexpected argument '" + a + "'");
      }
    }
    if (command == null) {
      return error(args.length == 0 ? "no command given" : "no command given (run or validate)");
    }
    return new CliArgs(command, topology, false, null);
  }

  private static CliArgs error(String message) {
    return new CliArgs(null, null, false, message);
  }
}
