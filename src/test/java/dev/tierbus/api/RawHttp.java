package dev.tierbus.api;

import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.util.Locale;

/**
 * Sends bytes to a test node as they are, for requests an HTTP client would not send (no Host,
 * broken framing), and reads the one answer: status line, headers, body (Content-Length framed).
 */
final class RawHttp {

  /** One answer. */
  record Answer(int status, String head, Buffer body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }

    String text() {
      return head + "\r\n\r\n" + body;
    }

    JsonObject json() {
      return new JsonObject(body);
    }
  }

  private RawHttp() {}

  static Answer exchange(ApiTestNode node, String request) throws Exception {
    return exchange(node, Buffer.buffer(request));
  }

  /** Writes {@code request} on a new connection and waits for one whole answer (or the close). */
  static Answer exchange(ApiTestNode node, Buffer request) throws Exception {
    NetClient client = node.vertx.createNetClient();
    try {
      NetSocket socket = ApiTestNode.await(client.connect(node.server.port(), "127.0.0.1"));
      Promise<Answer> answer = Promise.promise();
      Buffer got = Buffer.buffer();
      socket.handler(b -> {
        got.appendBuffer(b);
        Answer a = parse(got);
        if (a != null) {
          answer.tryComplete(a);
        }
      });
      socket.closeHandler(v -> {
        Answer a = parse(got);
        if (a != null) {
          answer.tryComplete(a);
        } else {
          answer.tryFail("the connection closed without a whole answer: " + got);
        }
      });
      socket.write(request);
      return ApiTestNode.await(answer.future());
    } finally {
      client.close();
    }
  }

  private static Answer parse(Buffer got) {
    String text = got.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return null;
    }
    String head = text.substring(0, end);
    int status = Integer.parseInt(head.split(" ")[1]);
    int length = 0;
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    if (got.length() < end + 4 + length) {
      return null;
    }
    return new Answer(status, head, got.getBuffer(end + 4, end + 4 + length));
  }
}
