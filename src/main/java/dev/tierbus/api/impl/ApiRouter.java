package dev.tierbus.api.impl;

import dev.tierbus.api.ApiServer;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The routes of one server verticle.
 *
 * <pre>
 * every request:  CORS (when origins are configured) → bearer check → body (under /api only)
 * /api/...        operations of the OpenAPI document, requests validated against it
 * /api/openapi.yaml, /health, /health/live, /metrics, /ws/signals
 * /webjars/...    chart library from the class path
 * /...            the dashboard (webroot/)
 * failures        JSON errors ({@link HttpErrors})
 * </pre>
 */
final class ApiRouter {

  /** Largest request body accepted. */
  static final long MAX_BODY_BYTES = 1024 * 1024;

  private ApiRouter() {}

  static Router create(ApiNode node) {
    RouterBuilder builder = RouterBuilder.create(node.vertx(), node.contract(), RequestExtractor.withBodyHandler());
    List<String> origins = node.options().getCorsOrigins();
    if (!origins.isEmpty()) {
      CorsHandler cors = origins.contains("*") ? CorsHandler.create() : CorsHandler.create().addOrigins(origins);
      builder.rootHandler(cors
          .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.OPTIONS))
          .allowedHeaders(Set.of("Authorization", "Content-Type")));
    }
    builder.rootHandler(new BearerAuth(node.token(), node.options().isAuthReads()));
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
    builder.rootHandler(rc -> {
      HttpMethod m = rc.request().method();
      if (m != HttpMethod.GET && m != HttpMethod.HEAD && rc.normalizedPath().startsWith("/api/")) {
        body.handle(rc);
      } else {
        rc.next();
      }
    });

    TopologyHandlers topology = new TopologyHandlers(node.runtime());
    MetricsHandlers metrics = new MetricsHandlers(node);
    DeadLetterHandlers deadLetters = new DeadLetterHandlers(node);
    EventHandlers events = new EventHandlers(node.runtime().router());
    // operations without parameters or body have nothing to validate: their routes skip it
    read(builder, "getTopology", topology::topology);
    on(builder, "getContainer", topology::container);
    on(builder, "deployContainer", topology::deploy);
    on(builder, "redeployContainer", topology::redeploy);
    on(builder, "undeployContainer", topology::undeploy);
    read(builder, "getRoutes", topology::routes);
    read(builder, "getMetrics", metrics::metrics);
    on(builder, "listDeadLetters", deadLetters::list);
    on(builder, "replayDeadLetter", deadLetters::replayOne);
    on(builder, "replayDeadLetters", deadLetters::replayMatching);
    on(builder, "discardDeadLetter", deadLetters::discard);
    on(builder, "publishEvent", events::publish);
    read(builder, "getHealth", metrics::health);
    read(builder, "getLiveness", metrics::live);
    read(builder, "getPrometheusMetrics", metrics::prometheus);

    Router router = builder.createRouter();
    router.get("/api/openapi.yaml").handler(rc -> rc.response()
        .putHeader("content-type", "application/yaml; charset=utf-8")
        .sendFile(ApiServer.CONTRACT));
    router.get("/ws/signals").handler(new WebSocketUpgrade(node));
    router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
    router.route("/*").handler(StaticHandler.create("webroot").setIndexPage("index.html"));
    router.route().failureHandler(HttpErrors::handle);
    router.errorHandler(404, rc -> Responses.json(rc, 404, HttpErrors.body(404, rc.request().path())));
    router.errorHandler(405, rc -> Responses.json(rc, 405, HttpErrors.body(405, rc.request().method() + " "
        + rc.request().path())));
    return router;
  }

  private static void read(RouterBuilder builder, String operationId, Consumer<RoutingContext> handler) {
    on(builder, operationId, handler);
    builder.getRoute(operationId).setDoValidation(false);
  }

  private static void on(RouterBuilder builder, String operationId, Consumer<RoutingContext> handler) {
    Handler<RoutingContext> h = handler::accept;
    // the bearer token is checked by BearerAuth for every route (and the WebSocket), not per operation
    builder.getRoute(operationId).addHandler(h).setDoSecurity(false);
  }
}
