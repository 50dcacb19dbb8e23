package dev.tierbus.api.impl;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One instance of the HTTP server: its own router on its own event loop; every instance
 * listens on the same host and port, and Vert.x spreads connections over them.
 */
public final class ApiVerticle extends VerticleBase {

  /** The port the instances actually listen on (known after the first one bound). */
  public static final class PortHolder {
    private final AtomicInteger port = new AtomicInteger(-1);

    public int port() {
      return port.get();
    }
  }

  private final ApiNode node;
  private final PortHolder chosen;
  private HttpServer server;

  public ApiVerticle(ApiNode node, PortHolder chosen) {
    this.node = node;
    this.chosen = chosen;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(new HttpServerOptions()
        .setHost(node.options().getHost())
        .setCompressionSupported(true)
        .setMaxWebSocketFrameSize(node.options().getMaxFrameBytes())
        // a client declared dead gets this long to answer the close frame
        .setWebSocketClosingTimeout(2));
    return server.requestHandler(ApiRouter.create(node))
        .listen(node.listenPort())
        .onSuccess(s -> chosen.port.compareAndSet(-1, s.actualPort()));
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
