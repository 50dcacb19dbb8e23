package dev.tierbus.api.impl;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The bearer-token check: mutating calls under {@code /api} always need
 * {@code Authorization: Bearer <token>}; reads under {@code /api} and {@code /metrics} only
 * when {@code auth_reads} is on. {@code /health}, the dashboard's files and CORS preflights
 * are open. No header: 401; a wrong token: 403. Tokens are compared in constant time.
 */
final class BearerAuth implements Handler<RoutingContext> {

  private static final String PREFIX = "Bearer ";

  private final byte[] token;
  private final boolean authReads;

  BearerAuth(String token, boolean authReads) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.authReads = authReads;
  }

  @Override
  public void handle(RoutingContext rc) {
    HttpMethod method = rc.request().method();
    String path = rc.normalizedPath();
    boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
    boolean guarded = method != HttpMethod.OPTIONS
        && (path.startsWith("/api/") || path.equals("/api") ? !read || authReads : path.equals("/metrics") && authReads);
    if (!guarded) {
      rc.next();
      return;
    }
    String header = rc.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      HttpErrors.send(rc.response(), new ApiException(401, "authentication required: send Authorization: Bearer <token>"));
      return;
    }
    if (!matches(header.substring(PREFIX.length()).trim())) {
      HttpErrors.send(rc.response(), new ApiException(403, "wrong token"));
      return;
    }
    rc.next();
  }

  boolean matches(String candidate) {
    return candidate != null && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), token);
  }
}
