package dev.tierbus.cli;

/**
 * The parsed command line: a command and its options, or the reason it could not be parsed.
 *
 * @param command {@code run} or {@code validate}; null with {@code help} or {@code error}
 * @param topology the topology file
 * @param help whether help was asked for
 * @param error what is wrong with the arguments, or null
 * @param httpPort {@code --http-port}: the HTTP server's port instead of the topology's, or null
 */
record CliArgs(String command, String topology, boolean help, String error, Integer httpPort) {

  static final String DEFAULT_TOPOLOGY = "verticles.yaml";
  static final String RUN = "run";
  static final String VALIDATE = "validate";

  static CliArgs parse(String[] args) {
    String command = null;
    String topology = DEFAULT_TOPOLOGY;
    Integer httpPort = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        return new CliArgs(null, topology, true, null, null);
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
      } else if (a.equals("--http-port") || a.startsWith("--http-port=")) {
        String value = a.equals("--http-port") ? (i + 1 < args.length ? args[++i] : "") : a.substring("--http-port=".length());
        httpPort = port(value);
        if (httpPort == null) {
          return error("--http-port needs a port number in [0, 65535] (0: any free port), got '" + value + "'");
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
    return new CliArgs(command, topology, false, null, httpPort);
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
    return new CliArgs(null, null, false, message, null);
  }
}
