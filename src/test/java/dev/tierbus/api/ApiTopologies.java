package dev.tierbus.api;

/**
 * The pieces of topology file the API tests build their nodes from, as the YAML a test would
 * write: each piece is one top-level entry (or the {@code event_router} settings) ending with a
 * newline, so pieces concatenate into a file.
 */
final class ApiTopologies {

  private ApiTopologies() {}

  /** A {@code ticker} container publishing a SIGNAL for each of {@code symbols} every 10 ms. */
  static String ticker(String id, String... symbols) {
    return id + ":\n"
        + "  container_type: ticker\n"
        + "  symbols: " + list(symbols) + "\n"
        + "  interval_ms: 10\n"
        + "  external_events:\n"
        + "    publishes: [{events: [SIGNAL]}]\n";
  }

  /** A {@code sink} container that declares it publishes {@code events} (a source for the API to publish as). */
  static String publisher(String id, String... events) {
    return id + ": {container_type: sink, external_events: {publishes: [{events: " + list(events) + "}]}}\n";
  }

  /** A container of {@code type} subscribing to {@code events} of {@code source}. */
  static String subscriber(String id, String type, String source, String... events) {
    return id + ":\n"
        + "  container_type: " + type + "\n"
        + "  external_events:\n"
        + "    subscribes: [{source: " + source + ", events: " + list(events) + "}]\n";
  }

  /** Health checks every 200 ms against {@code thresholds} (the inside of {@code alert_thresholds}). */
  static String healthChecks(String thresholds) {
    return "event_router:\n"
        + "  global_settings:\n"
        + "    health_checks:\n"
        + "      check_interval_ms: 200\n"
        + "      alert_thresholds: {" + thresholds + "}\n";
  }

  private static String list(String... items) {
    return "[" + String.join(", ", items) + "]";
  }
}
