package dev.tierbus.journal;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 in front of a server, which a test can cut (every connection
 * closed, new ones refused) and restore: a journal that goes away and comes back.
 */
public final class TcpProxy {

  private final Vertx vertx;
  private final String targetHost;
  private final int targetPort;
  private final NetClient client;
  private final List<NetSocket> sockets = new CopyOnWriteArrayList<>();
  private NetServer server;
  private int port;

  public TcpProxy(Vertx vertx, String targetHost, int targetPort) {
    this.vertx = vertx;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.client = vertx.createNetClient();
  }

  /** Starts listening (on a free port the first time, the same port afterwards). */
  public Future<Integer> listen() {
    server = vertx.createNetServer();
    server.connectHandler(in -> {
      in.pause();
      sockets.add(in);
      client.connect(targetPort, targetHost).onComplete(ar -> {
        if (ar.failed()) {
          in.close();
          return;
        }
        NetSocket out = ar.result();
        sockets.add(out);
        in.handler(out::write);
        out.handler(in::write);
        in.closeHandler(v -> out.close());
        out.closeHandler(v -> in.close());
        in.resume();
      });
    });
    return server.listen(port, "127.0.0.1").map(s -> port = s.actualPort());
  }

  public int port() {
    return port;
  }

  /** Stops listening and closes every proxied connection. */
  public Future<Void> cut() {
    for (NetSocket s : sockets) {
      s.close();
    }
    sockets.clear();
    return server.close();
  }
}
