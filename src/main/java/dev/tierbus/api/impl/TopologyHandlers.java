package dev.tierbus.api.impl;

import dev.tierbus.container.Container;
import dev.tierbus.topology.TopologyRuntime;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/topology}, {@code GET|PUT|DELETE /api/containers/{id}},
 * {@code POST /api/containers} (201 with {@code Location: /api/containers/{id}}),
 * {@code GET /api/routes}.
 *
 * <p>Changes go through {@link TopologyRuntime#deployContainer} and friends, which check the
 * entry exactly as the topology file is checked and apply nothing of a refused change.
 */
final class TopologyHandlers {

  private final TopologyRuntime runtime;

  TopologyHandlers(TopologyRuntime runtime) {
    this.runtime = runtime;
  }

  void topology(RoutingContext rc) {
    Responses.json(rc, 200, TopologyJson.topology(runtime));
  }

  void container(RoutingContext rc) {
    Responses.json(rc, 200, TopologyJson.container(existing(rc.pathParam("id")), runtime, true));
  }

  /** Body: a container entry as in the topology file, plus an optional {@code parent} id. */
  void deploy(RoutingContext rc) {
    JsonObject entry = Responses.body(rc);
    Object parent = entry.remove("parent");
    if (parent != null && !(parent instanceof String)) {
      throw ApiException.badRequest("the container entry is not valid", "parent",
          "expected the id of a running container, got " + parent);
    }
    runtime.deployContainer(entry, (String) parent).onComplete(ar -> {
      if (ar.succeeded()) {
        Container c = ar.result();
        rc.response().putHeader("Location", location(c.id()));
        Responses.json(rc, 201, TopologyJson.container(c, runtime, true));
      } else {
        Responses.fail(rc, ar.cause());
      }
    });
  }

  /** Where a deployed container is read, updated and deleted. */
  static String location(String id) {
    return "/api/containers/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  void redeploy(RoutingContext rc) {
    String id = rc.pathParam("id");
    existing(id);
    JsonObject entry = Responses.body(rc);
    Responses.json(rc, 200, runtime.redeployContainer(id, entry).map(c -> TopologyJson.container(c, runtime, true)));
  }

  void undeploy(RoutingContext rc) {
    String id = rc.pathParam("id");
    existing(id);
    Responses.json(rc, 200, runtime.undeployContainer(id)
        .map(c -> new JsonObject().put("id", c.id()).put("state", c.state().name())));
  }

  void routes(RoutingContext rc) {
    Responses.json(rc, 200, TopologyJson.routes(runtime.router().routes()));
  }

  private Container existing(String id) {
    Container c = runtime.containers().get(id);
    if (c == null) {
      throw ApiException.notFound("no container '" + id + "'");
    }
    return c;
  }
}
