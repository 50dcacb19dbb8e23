package dev.tierbus.api;

import dev.tierbus.api.impl.ApiNode;
import dev.tierbus.api.impl.ApiVerticle;
import dev.tierbus.journal.DeadLetters;
import dev.tierbus.journal.JournalStatus;
import dev.tierbus.journal.ReliableTier;
import dev.tierbus.topology.TopologyRuntime;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.openapi.contract.OpenAPIContract;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A node's HTTP server: the management API under {@code /api} (described by
 * {@code /api/openapi.yaml}), the WebSocket signal stream {@code /ws/signals}, {@code /health},
 * the Prometheus {@code /metrics} and the dashboard at {@code /}.
 *
 * <pre>{@code
 * ApiServer server = ApiServer.builder(vertx, runtime).options(new ApiOptions().setPort(8080)).start()...;
 * server.port(); server.token(); server.close();
 * }</pre>
 *
 * <p>Mutating calls need {@code Authorization: Bearer <token>}; when the options carry no token
 * one is generated ({@link #tokenGenerated()}) for the caller to show once. The dead-letter
 * endpoints read the runtime's reliable tier ({@link TopologyRuntime#reliableTier()}) on every
 * call and answer 503 while none is installed; {@link Builder#deadLetters} replaces that source.
 */
public final class ApiServer {

  /** Where the OpenAPI document is, on the class path. */
  public static final String CONTRACT = "openapi/tierbus-api.yaml";

  private final Vertx vertx;
  private final ApiNode node;
  private final String deploymentId;
  private final int port;
  private final boolean tokenGenerated;

  private ApiServer(Vertx vertx, ApiNode node, String deploymentId, int port, boolean tokenGenerated) {
    this.vertx = vertx;
    this.node = node;
    this.deploymentId = deploymentId;
    this.port = port;
    this.tokenGenerated = tokenGenerated;
  }

  public static Builder builder(Vertx vertx, TopologyRuntime runtime) {
    return new Builder(vertx, runtime);
  }

  /** The port the server listens on (the chosen one when the options said 0). */
  public int port() {
    return port;
  }

  /** The bearer token mutating calls need. */
  public String token() {
    return node.token();
  }

  /** True when the token was generated here (the options carried none). */
  public boolean tokenGenerated() {
    return tokenGenerated;
  }

  /** WebSocket clients connected now. */
  public int webSocketClients() {
    return node.hub().clients();
  }

  /** Events the WebSocket fan-out could not keep up with (conflated before reaching any client). */
  public long webSocketEventsConflated() {
    return node.hub().eventsConflated();
  }

  /** Stops listening, closes every WebSocket client and ends the server's router subscriptions. */
  public Future<Void> close() {
    return vertx.undeploy(deploymentId)
        .recover(e -> Future.succeededFuture())
        .compose(v -> node.close());
  }

  /** How to start a server. */
  public static final class Builder {
    private final Vertx vertx;
    private final TopologyRuntime runtime;
    private ApiOptions options = new ApiOptions();
    private Supplier<Optional<DeadLetters>> deadLetters;
    private Supplier<Optional<JournalStatus>> journalStatus;

    private Builder(Vertx vertx, TopologyRuntime runtime) {
      this.vertx = Objects.requireNonNull(vertx, "vertx");
      this.runtime = Objects.requireNonNull(runtime, "runtime");
      this.deadLetters = () -> runtime.reliableTier().map(ReliableTier::deadLetters);
      this.journalStatus = () -> runtime.reliableTier().map(ReliableTier::status);
    }

    public Builder options(ApiOptions value) {
      this.options = new ApiOptions(Objects.requireNonNull(value, "options"));
      return this;
    }

    /**
     * Where the dead-letter endpoints find the dead letters (read on every call; empty: 503).
     * By default the runtime's reliable tier.
     */
    public Builder deadLetters(Supplier<Optional<DeadLetters>> source) {
      this.deadLetters = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Where {@code /health} finds the journal's status; by default the runtime's reliable tier. */
    public Builder journalStatus(Supplier<Optional<JournalStatus>> source) {
      this.journalStatus = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Reads the OpenAPI document, deploys {@code instances} server verticles sharing the port
     * and starts the metrics sampler.
     *
     * @return the running server, or a failed Future (bad options, port taken, ...)
     */
    public Future<ApiServer> start() {
      try {
        options.validate();
      } catch (IllegalArgumentException e) {
        return Future.failedFuture(e);
      }
      boolean generated = options.getToken() == null;
      String token = generated ? newToken() : options.getToken();
      return OpenAPIContract.from(vertx, CONTRACT).compose(contract -> {
        ApiNode node = new ApiNode(vertx, runtime, options, token, contract, deadLetters, journalStatus);
        ApiVerticle.PortHolder chosen = new ApiVerticle.PortHolder();
        // the WebSocket hub follows its history types before the first client can ask for them
        return node.hub().start()
            .compose(v -> vertx.deployVerticle(() -> new ApiVerticle(node, chosen),
                new DeploymentOptions().setInstances(options.getInstances())))
            .recover(e -> node.close().transform(ar -> Future.failedFuture(new IllegalStateException(
                "cannot listen on " + options.getHost() + ":" + options.getPort() + ": " + e.getMessage(), e))))
            .map(id -> new ApiServer(vertx, node, id, chosen.port(), generated));
      });
    }
  }

  /** 32 random bytes, hex: a token to give the operator once. */
  static String newToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
