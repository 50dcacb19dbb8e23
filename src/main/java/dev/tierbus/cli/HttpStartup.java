package dev.tierbus.cli;

import dev.tierbus.api.ApiOptions;
import dev.tierbus.api.ApiServer;
import dev.tierbus.topology.TopologyRuntime;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.util.Map;

/**
 * Starts the node's HTTP server for {@code run}: options from the topology's {@code http}
 * section, the port from {@code --http-port} when given, the token from {@code TIERBUS_TOKEN}
 * when set (else {@code http.token}, else a generated one, printed here once).
 */
final class HttpStartup {

  /** The environment variable that holds the API token; it wins over {@code http.token}. */
  static final String TOKEN_ENV = "TIERBUS_TOKEN";

  private HttpStartup() {}

  /** The running server, or null (a succeeded Future) when {@code http.enabled} is false. */
  static Future<ApiServer> start(Vertx vertx, TopologyRuntime runtime, Integer portOverride, PrintStream err) {
    return start(vertx, runtime, portOverride, System.getenv(), err);
  }

  static Future<ApiServer> start(Vertx vertx, TopologyRuntime runtime, Integer portOverride, Map<String, String> env,
      PrintStream err) {
    ApiOptions options = ApiOptions.fromJson(runtime.topology().http());
    if (!options.isEnabled()) {
      err.println("HTTP server disabled (http.enabled: false)");
      return Future.succeededFuture();
    }
    if (portOverride != null) {
      options.setPort(portOverride);
    }
    String fromEnv = env.get(TOKEN_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      options.setToken(fromEnv.trim());
    }
    return ApiServer.builder(vertx, runtime).options(options).start().onSuccess(server -> {
      String host = options.getHost().equals("0.0.0.0") ? "localhost" : options.getHost();
      err.println("HTTP on " + options.getHost() + ":" + server.port() + ": dashboard http://" + host + ":"
          + server.port() + "/, API /api (OpenAPI: /api/openapi.yaml), WebSocket /ws/signals, /health, /metrics");
      if (server.tokenGenerated()) {
        err.println("API token (generated, shown once; set http.token or " + TOKEN_ENV + " to choose it): "
            + server.token());
      }
    });
  }
}
