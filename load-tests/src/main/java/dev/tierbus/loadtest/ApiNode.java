package dev.tierbus.loadtest;

import dev.tierbus.api.ApiOptions;
import dev.tierbus.api.ApiServer;
import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.topology.TopologyRuntime;
import dev.tierbus.topology.TopologyValidator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A node for the HTTP and WebSocket cases: a runtime with {@code containers} containers that do
 * nothing (the first one, {@code source}, declares SIGNAL), and its {@link ApiServer} on a free
 * port of 127.0.0.1 (one server instance per core, the default).
 */
record ApiNode(Vertx vertx, TopologyRuntime runtime, ApiServer server) implements AutoCloseable {

  static final String TOKEN = "load-test-token-0123456789";

  static ApiNode start(int containers, ApiOptions options) throws Exception {
    Vertx vertx = Vertx.vertx();
    ContainerRegistry registry = ContainerRegistry.empty().register("noop", spec -> new Container() {});
    JsonObject file = new JsonObject().put("source", new JsonObject().put("container_type", "noop")
        .put("external_events", new JsonObject().put("publishes", new JsonArray()
            .add(new JsonObject().put("events", new JsonArray().add("SIGNAL"))))));
    for (int i = 1; i < containers; i++) {
      file.put("c" + i, new JsonObject().put("container_type", "noop"));
    }
    TopologyRuntime runtime = Await.result(TopologyRuntime.deploy(vertx, new TopologyValidator(registry).validate(file),
        registry));
    ApiServer server = Await.result(ApiServer.builder(vertx, runtime)
        .options(options.setHost("127.0.0.1").setPort(0).setToken(TOKEN)).start());
    return new ApiNode(vertx, runtime, server);
  }

  @Override
  public void close() throws Exception {
    Await.result(server.close());
    Await.result(runtime.stop());
    Await.result(vertx.close());
  }
}
