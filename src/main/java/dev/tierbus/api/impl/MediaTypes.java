package dev.tierbus.api.impl;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * The API speaks JSON: a request under {@code /api} that carries a body, or says what its body
 * is, must be {@code application/json} (UTF-8, the only charset JSON has), else 415 — before
 * the body is read, so a multipart or form body is never parsed. GET, HEAD, OPTIONS and bodiless
 * requests without a {@code Content-Type} pass.
 */
final class MediaTypes implements Handler<RoutingContext> {

  static final String JSON = "application/json";

  private final AllowedMethods allowed;

  /** @param allowed which methods each path has: a method it has not is left to the 405 */
  MediaTypes(AllowedMethods allowed) {
    this.allowed = allowed;
  }

  @Override
  public void handle(RoutingContext rc) {
    HttpServerRequest req = rc.request();
    HttpMethod m = req.method();
    String path = rc.normalizedPath();
    if (m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS || !isApi(path)) {
      rc.next();
      return;
    }
    java.util.Set<HttpMethod> methods = allowed.methodsOf(path);
    if (methods == null || !methods.contains(m)) {
      rc.next();
      return;
    }
    String type = req.getHeader(HttpHeaders.CONTENT_TYPE);
    String problem = type == null ? (hasBody(req) ? "the body has no Content-Type" : null) : problem(type);
    if (problem == null) {
      rc.next();
    } else {
      HttpErrors.send(rc.response(), new ApiException(415, "unsupported media type: " + problem
          + "; send the body as " + JSON));
    }
  }

  private static boolean isApi(String path) {
    return path != null && (path.startsWith("/api/") || path.equals("/api"));
  }

  private static boolean hasBody(HttpServerRequest req) {
    String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      return !length.trim().equals("0");
    }
    return req.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
  }

  /** What is wrong with {@code contentType} for a JSON body, or null when nothing is. */
  static String problem(String contentType) {
    String[] parts = contentType.split(";");
    String mime = parts[0].trim().toLowerCase(Locale.ROOT);
    if (!mime.equals(JSON)) {
      return "Content-Type is '" + show(contentType) + "'";
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim().toLowerCase(Locale.ROOT);
      if (p.startsWith("charset=")) {
        String charset = p.substring("charset=".length()).replace("\"", "");
        if (!charset.equals("utf-8") && !charset.equals("utf8")) {
          return "JSON is UTF-8, the charset was '" + show(charset) + "'";
        }
      }
    }
    return null;
  }

  private static String show(String s) {
    String t = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    StringBuilder sb = new StringBuilder(t.length());
    t.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return sb.toString();
  }
}
