package dev.tierbus.api;

import dev.tierbus.testing.Conditions;
import dev.tierbus.journal.DeadLetters;
import dev.tierbus.journal.JournalStatus;
import dev.tierbus.topology.TopologyLoader;
import dev.tierbus.topology.TopologyRuntime;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A real node for the API tests: Vert.x, a topology from YAML, its runtime, an
 * {@link ApiServer} on a free port of 127.0.0.1, and a {@link WebClient} to call it.
 */
final class ApiTestNode implements AutoCloseable {

  static final String TOKEN = "test-token-0123456789abcdef";
  static final Duration TIMEOUT = Duration.ofSeconds(20);
  /** The source {@link #start(Path, String)} lets publish any event type through the API. */
  static final String MANUAL = "manual";

  final Vertx vertx;
  final TopologyRuntime runtime;
  final ApiServer server;
  final WebClient client;

  private ApiTestNode(Vertx vertx, TopologyRuntime runtime, ApiServer server) {
    this.vertx = vertx;
    this.runtime = runtime;
    this.server = server;
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(server.port()));
  }

  /** Starts a node running {@code yaml}, with the given options (port, host, token set here). */
  static ApiTestNode start(Path dir, String yaml, ApiOptions options, DeadLetters deadLetters) throws Exception {
    return start(dir, yaml, options, deadLetters, null);
  }

  /** A node whose health check reads the journal status from {@code journal}. */
  static ApiTestNode startWithJournal(Path dir, String yaml, Supplier<Optional<JournalStatus>> journal) throws Exception {
    return start(dir, yaml, new ApiOptions().setInstances(1), null, journal);
  }

  private static ApiTestNode start(Path dir, String yaml, ApiOptions options, DeadLetters deadLetters,
      Supplier<Optional<JournalStatus>> journal) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Path file = Files.writeString(dir.resolve("topology.yaml"), yaml);
      TopologyRuntime runtime = await(TopologyLoader.load(vertx, file.toString(), ApiTestTypes.registry())
          .compose(t -> TopologyRuntime.deploy(vertx, t, ApiTestTypes.registry())));
      ApiServer.Builder b = ApiServer.builder(vertx, runtime)
          .options(options.setHost("127.0.0.1").setPort(0).setToken(TOKEN));
      if (deadLetters != null) {
        b.deadLetters(() -> Optional.of(deadLetters));
      }
      if (journal != null) {
        b.journalStatus(journal);
      }
      return new ApiTestNode(vertx, runtime, await(b.start()));
    } catch (Exception | Error e) {
      vertx.close();
      throw e;
    }
  }

  /**
   * A node with two server verticles; {@code manual} may publish any event through
   * {@code POST /api/events} ({@code http.api_publishers}), standing in for an operator.
   */
  static ApiTestNode start(Path dir, String yaml) throws Exception {
    return start(dir, yaml, new ApiOptions().setInstances(2).setApiPublishers(List.of(MANUAL)), null);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  HttpResponse<Buffer> get(String path) throws Exception {
    return await(client.get(path).send());
  }

  HttpResponse<Buffer> send(HttpMethod method, String path, JsonObject body) throws Exception {
    return send(method, path, body, TOKEN);
  }

  HttpResponse<Buffer> send(HttpMethod method, String path, JsonObject body, String token) throws Exception {
    var req = client.request(method, path);
    if (token != null) {
      req.putHeader("Authorization", "Bearer " + token);
    }
    return await(body == null ? req.send() : req.sendJsonObject(body));
  }

  /** Waits until {@code GET /health} answers {@code status}, failing after {@link #TIMEOUT}; returns its body. */
  JsonObject awaitHealth(int status) {
    JsonObject[] body = new JsonObject[1];
    eventually("/health says " + status, () -> {
      try {
        HttpResponse<Buffer> r = get("/health");
        if (r.statusCode() != status) {
          return false;
        }
        body[0] = r.bodyAsJsonObject();
        return true;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    return body[0];
  }

  /** Waits until {@code condition} holds, failing after {@link #TIMEOUT}. */
  static void eventually(String what, BooleanSupplier condition) {
    Conditions.waitUntil(condition, TIMEOUT, () -> "not within " + TIMEOUT.toSeconds() + " s: " + what);
  }

  @Override
  public void close() throws Exception {
    try {
      client.close();
      await(server.close().compose(v -> runtime.stop()));
    } finally {
      await(vertx.close());
    }
  }

  static String write(Path dir, String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content).toString();
  }
}
