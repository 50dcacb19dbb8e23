package dev.tierbus.api.impl;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /ws/signals}: upgrades to a WebSocket handled by the {@link SignalHub}.
 *
 * <p>A {@code ?token=} parameter is checked here. When reads need the token, a wrong one is
 * refused with 403, and a client without one is let in to send {@code {"auth": "<token>"}}
 * within {@code auth_timeout_ms}, among at most {@code max_unauthenticated} such clients (one
 * more: 503); those never take the places of {@code max_clients}. When reads are open, a wrong
 * token does not keep the client from reading: it is told in its first frame. Past
 * {@code max_clients} the upgrade is refused with 503.
 */
final class WebSocketUpgrade implements Handler<RoutingContext> {

  private final ApiNode node;
  private final BearerAuth auth;

  WebSocketUpgrade(ApiNode node) {
    this.node = node;
    this.auth = new BearerAuth(node.token(), node.options().isAuthReads());
  }

  @Override
  public void handle(RoutingContext rc) {
    boolean authReads = node.options().isAuthReads();
    String token = rc.request().getParam("token");
    boolean wrongToken = token != null && !auth.matches(token);
    if (wrongToken && authReads) {
      HttpErrors.send(rc.response(), new ApiException(403, "wrong token"));
      return;
    }
    boolean authenticated = !authReads || token != null;
    SignalHub hub = node.hub();
    if (!hub.admit(authenticated)) {
      HttpErrors.send(rc.response(), new ApiException(503, hub.isClosed() ? "the server is stopping" : authenticated
          ? "too many WebSocket clients (websocket.max_clients " + node.options().getMaxClients() + ")"
          : "too many WebSocket clients without the token (websocket.max_unauthenticated "
              + node.options().getMaxUnauthenticated() + "): connect with ?token=<token>"));
      return;
    }
    rc.request().toWebSocket()
        .onSuccess(ws -> hub.accept(ws, node.token(), authenticated, wrongToken))
        .onFailure(e -> {
          hub.release(authenticated);
          HttpErrors.send(rc.response(), new ApiException(400, "not a WebSocket upgrade: " + e.getMessage()));
        });
  }
}
