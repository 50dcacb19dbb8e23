package dev.tierbus.cli;

import dev.tierbus.api.ApiOptions;
import dev.tierbus.api.ApiServer;
import dev.tierbus.topology.TopologyRuntime;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.util.Map;

/**
 * Starts the node's HTTP server for {@code run}: options from the topology's {@code http}
 * section, the port from {@code --http-port} when given, the token from {@code TIERBUS_TOKEN}
 * when set (else {@code http.token}, else a generated one, printed here once).
 *
 * <p>In two steps, so that a port that is taken stops {@code run} before anything is deployed:
 * {@link #reserve} binds the port first (answering 503 "starting" meanwhile), and
 * {@link #serve(Vertx, TopologyRuntime, Reservation, PrintStream)} hands it to the API server
 * once the topology runs. The hand-over closes the placeholder and binds again at once: a
 * server of another deployment cannot share the port, and the API server needs the running
 * topology.
 */
final class HttpStartup {

  /** The environment variable that holds the API token; it wins over {@code http.token}. */
  static final String TOKEN_ENV = "TIERBUS_TOKEN";

  private HttpStartup() {}

  /** The port bound by {@link #reserve}, held by a placeholder server until the API server takes it. */
  static final class Reservation {
    private final ApiOptions options;
    private final HttpServer placeholder;

    private Reservation(ApiOptions options, HttpServer placeholder) {
      this.options = options;
      this.placeholder = placeholder;
    }

    /** The bound port (the chosen one when the options said 0). */
    int port() {
      return placeholder.actualPort();
    }

    /** Gives the port up without starting the API server (when {@code run} stops early). */
    Future<Void> release() {
      return placeholder.close();
    }
  }

  /**
   * Binds the HTTP port of the topology's {@code http} section (or {@code portOverride});
   * null (a succeeded Future) when {@code http.enabled} is false.
   *
   * @return a failed Future naming host and port when the port cannot be bound (taken, no rights)
   */
  static Future<Reservation> reserve(Vertx vertx, JsonObject http, Integer portOverride) {
    ApiOptions options;
    try {
      options = ApiOptions.fromJson(http);
      if (portOverride != null) {
        options.setPort(portOverride);
      }
      options.validate();
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    if (!options.isEnabled()) {
      return Future.succeededFuture();
    }
    HttpServer placeholder = vertx.createHttpServer(new HttpServerOptions().setHost(options.getHost())
            .setPort(options.getPort()))
        .requestHandler(req -> req.response().setStatusCode(503).putHeader("content-type", "application/json")
            .putHeader("retry-after", "1").end("{\"error\": \"the node is starting\"}"));
    return placeholder.listen()
        .recover(e -> Future.failedFuture(new IllegalStateException("cannot listen on " + options.getHost() + ":"
            + options.getPort() + ": " + e.getMessage(), e)))
        .map(s -> new Reservation(options, s));
  }

  /** The running server, or null (a succeeded Future) when {@code http.enabled} is false. */
  static Future<ApiServer> start(Vertx vertx, TopologyRuntime runtime, Integer portOverride, PrintStream err) {
    return start(vertx, runtime, portOverride, System.getenv(), err);
  }

  static Future<ApiServer> start(Vertx vertx, TopologyRuntime runtime, Integer portOverride, Map<String, String> env,
      PrintStream err) {
    return reserve(vertx, runtime.topology().http(), portOverride)
        .compose(reservation -> serve(vertx, runtime, reservation, env, err));
  }

  /** Starts the API server on the reserved port; null (a succeeded Future) when there is no reservation (disabled). */
  static Future<ApiServer> serve(Vertx vertx, TopologyRuntime runtime, Reservation reservation, PrintStream err) {
    return serve(vertx, runtime, reservation, System.getenv(), err);
  }

  static Future<ApiServer> serve(Vertx vertx, TopologyRuntime runtime, Reservation reservation,
      Map<String, String> env, PrintStream err) {
    if (reservation == null) {
      err.println("HTTP server disabled (http.enabled: false)");
      return Future.succeededFuture();
    }
    ApiOptions options = new ApiOptions(reservation.options).setPort(reservation.port());
    String fromEnv = env.get(TOKEN_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      options.setToken(fromEnv.trim());
    }
    return reservation.release()
        .compose(v -> ApiServer.builder(vertx, runtime).options(options).start())
        .onSuccess(server -> {
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
