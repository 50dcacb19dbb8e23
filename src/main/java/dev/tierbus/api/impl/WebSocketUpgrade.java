package dev.tierbus.api.impl;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /ws/signals}: upgrades to a WebSocket handled by the {@link SignalHub}.
 *
 * <p>When reads need the token, a {@code ?token=} parameter is checked here (a wrong one is
 * refused with 403); without it the client must send {@code {"auth": "<token>"}} first. Past
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
    String token = rc.request().getParam("token");
    boolean authenticated = !node.options().isAuthReads();
    if (token != null) {
      if (!auth.matches(token)) {
        HttpErrors.send(rc.response(), new ApiException(403, "wrong token"));
        return;
      }
      authenticated = true;
    }
    SignalHub hub = node.hub();
    if (!hub.admits()) {
      HttpErrors.send(rc.response(), new ApiException(503, "too many WebSocket clients (max_clients "
          + node.options().getMaxClients() + ")"));
      return;
    }
    boolean ok = authenticated;
    rc.request().toWebSocket()
        .onSuccess(ws -> hub.accept(ws, node.token(), ok))
        .onFailure(e -> HttpErrors.send(rc.response(), new ApiException(400, "not a WebSocket upgrade: " + e.getMessage())));
  }
}
