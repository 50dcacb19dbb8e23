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
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The routes of one server verticle.
 *
 * <pre>
 * every request:  CORS (when origins are configured) → path decodes (else 400) → bearer check
 *                 → JSON media type (415) → body (only for an operation that takes one)
 * /api/...        operations of the OpenAPI document, requests validated against it
 * /api/openapi.yaml, /health, /health/live, /metrics, /ws/signals
 * any path        a method it does not have: 405 with Allow ({@link AllowedMethods})
 * /webjars/...    chart library from the class path
 * /...            the dashboard (webroot/)
 * failures        JSON errors ({@link HttpErrors}), no Host: 400
 * </pre>
 */
final class ApiRouter {

  /** Largest request body accepted. */
  static final long MAX_BODY_BYTES = 1024 * 1024;
  static final String OPENAPI_PATH = "/api/openapi.yaml";
  static final String WS_PATH = "/ws/signals";

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
    // after CORS: Vert.x Web puts security-policy handlers before user handlers
    builder.rootHandler(ApiRouter::requireValidPath);
    builder.rootHandler(new BearerAuth(node.token(), node.options().isAuthReads()));
    AllowedMethods allowed = new AllowedMethods(node.contract(), Map.of(
        OPENAPI_PATH, Set.of(HttpMethod.GET), WS_PATH, Set.of(HttpMethod.GET)));
    builder.rootHandler(new MediaTypes(allowed));
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
    builder.rootHandler(rc -> {
      // only an operation that can take a body reads one: a 405 or an OPTIONS never parses what came
      HttpMethod m = rc.request().method();
      Set<HttpMethod> served = allowed.methodsOf(rc.normalizedPath());
      if ((m == HttpMethod.POST || m == HttpMethod.PUT || m == HttpMethod.PATCH || m == HttpMethod.DELETE)
          && rc.normalizedPath().startsWith("/api/") && served != null && served.contains(m)) {
        body.handle(rc);
      } else {
        rc.next();
      }
    });

    TopologyHandlers topology = new TopologyHandlers(node.runtime());
    MetricsHandlers metrics = new MetricsHandlers(node);
    DeadLetterHandlers deadLetters = new DeadLetterHandlers(node);
    EventHandlers events = new EventHandlers(node);
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
    router.get(OPENAPI_PATH).handler(rc -> rc.response()
        .putHeader("content-type", "application/yaml; charset=utf-8")
        .sendFile(ApiServer.CONTRACT));
    router.get(WS_PATH).handler(ApiRouter::requireUpgrade).handler(new WebSocketUpgrade(node));
    // after every route of a method, before the dashboard's files: a method a path does not have
    router.route().handler(allowed);
    router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
    router.route("/*").handler(StaticHandler.create("webroot").setIndexPage("index.html"));
    router.route().failureHandler(HttpErrors.handler(node.journalRetryAfterSeconds()));
    router.errorHandler(404, rc -> Responses.json(rc, 404, HttpErrors.body(404, rc.request().path())));
    router.errorHandler(405, rc -> Responses.json(rc, 405, HttpErrors.body(405, rc.request().method() + " "
        + rc.request().path())));
    return router;
  }

  /** A path that does not decode (a bad %-escape) is the request's fault, not the node's. */
  private static void requireValidPath(RoutingContext rc) {
    try {
      rc.normalizedPath();
    } catch (IllegalArgumentException e) {
      HttpErrors.send(rc.response(), new ApiException(400, "the path is not a valid URI path: " + e.getMessage()));
      return;
    }
    rc.next();
  }

  /** A plain GET of the WebSocket path gets a JSON 400 (the upgrade would answer in plain text). */
  private static void requireUpgrade(RoutingContext rc) {
    String upgrade = rc.request().getHeader("Upgrade");
    String connection = rc.request().getHeader("Connection");
    if (upgrade != null && upgrade.equalsIgnoreCase("websocket") && connection != null
        && connection.toLowerCase(java.util.Locale.ROOT).contains("upgrade")) {
      rc.next();
    } else {
      HttpErrors.send(rc.response(), new ApiException(400, "not a WebSocket upgrade: " + WS_PATH
          + " needs Connection: Upgrade and Upgrade: websocket"));
    }
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
