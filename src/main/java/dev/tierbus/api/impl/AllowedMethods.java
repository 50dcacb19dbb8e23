package dev.tierbus.api.impl;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers a request no route took because the path does not have its method: 405 with
 * {@code Allow} naming the methods it has; OPTIONS (other than a CORS preflight, which the CORS
 * handler answers first) gets 204 with the same {@code Allow}. A HEAD on a path that has GET is
 * handled as that GET, without the body.
 *
 * <p>The methods of each path come from the OpenAPI document, plus the routes outside it
 * ({@code /api/openapi.yaml}, {@code /ws/signals}); every other path outside {@code /api} is the
 * dashboard's, which has GET and HEAD. Unknown paths under {@code /api} go on to the 404.
 */
final class AllowedMethods implements Handler<RoutingContext> {

  /** A path template of the document ({@code /api/containers/{id}}) as a pattern, and its methods. */
  private record Template(Pattern pattern, Set<HttpMethod> methods) {}

  private final List<Template> templates = new ArrayList<>();
  private final Map<String, Set<HttpMethod>> extra;

  /**
   * @param extra exact paths outside the OpenAPI document and their methods
   */
  AllowedMethods(OpenAPIContract contract, Map<String, Set<HttpMethod>> extra) {
    for (Path p : contract.getPaths()) {
      Set<HttpMethod> methods = new LinkedHashSet<>();
      for (Operation o : p.getOperations()) {
        methods.add(o.getHttpMethod());
      }
      StringBuilder regex = new StringBuilder();
      for (String part : p.getName().split("(?=\\{)|(?<=})")) {
        regex.append(part.startsWith("{") && part.endsWith("}") ? "[^/]+" : Pattern.quote(part));
      }
      templates.add(new Template(Pattern.compile(regex.toString()), Set.copyOf(methods)));
    }
    this.extra = Map.copyOf(extra);
  }

  @Override
  public void handle(RoutingContext rc) {
    String path = rc.normalizedPath();
    Set<HttpMethod> methods = methodsOf(path);
    if (methods == null) {
      rc.next();
      return;
    }
    HttpMethod m = rc.request().method();
    if (m == HttpMethod.HEAD && !methods.contains(HttpMethod.HEAD) && methods.contains(HttpMethod.GET)
        && !rc.get(REROUTED, false)) {
      rc.put(REROUTED, true);
      rc.reroute(HttpMethod.GET, rc.request().uri());
      return;
    }
    if (methods.contains(m)) {
      // a method the path has, not taken by a route: the static files' own 404
      rc.next();
      return;
    }
    String allow = allow(methods);
    if (m == HttpMethod.OPTIONS) {
      rc.response().setStatusCode(204).putHeader("Allow", allow).end();
      return;
    }
    rc.response().putHeader("Allow", allow);
    HttpErrors.send(rc.response(), new ApiException(405, "method " + m.name() + " not allowed on " + path
        + ", allowed: " + allow));
  }

  private static final String REROUTED = "tierbus.head-as-get";

  /** The methods {@code path} has, or null when it is not a path of this server. */
  Set<HttpMethod> methodsOf(String path) {
    if (path == null) {
      return null;
    }
    Set<HttpMethod> fixed = extra.get(path);
    if (fixed != null) {
      return fixed;
    }
    if (path.startsWith("/api/") || path.equals("/api") || path.equals("/health") || path.startsWith("/health/")
        || path.equals("/metrics")) {
      // every template that matches: /api/deadletters/replay is also /api/deadletters/{id}
      Set<HttpMethod> out = new LinkedHashSet<>();
      for (Template t : templates) {
        if (t.pattern.matcher(path).matches()) {
          out.addAll(t.methods);
        }
      }
      return out.isEmpty() ? null : out;
    }
    if (path.startsWith("/ws/")) {
      return null;
    }
    return Set.of(HttpMethod.GET, HttpMethod.HEAD);
  }

  /** {@code Allow}: the methods in a fixed order, HEAD beside GET, OPTIONS always. */
  static String allow(Set<HttpMethod> methods) {
    StringBuilder sb = new StringBuilder();
    for (HttpMethod m : List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
        HttpMethod.DELETE)) {
      if (methods.contains(m) || (m == HttpMethod.HEAD && methods.contains(HttpMethod.GET))) {
        sb.append(m.name()).append(", ");
      }
    }
    return sb.append("OPTIONS").toString();
  }
}
