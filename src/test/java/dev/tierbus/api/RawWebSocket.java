package dev.tierbus.api;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebSocket client on a plain socket for tests that must send what a well-behaved client
 * library refuses to: frames over a size, invalid UTF-8, a binary frame, a continuation with
 * no message to continue. Blocking, for the test's own thread; every read is bounded by the
 * socket timeout.
 */
final class RawWebSocket implements AutoCloseable {

  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CONTINUATION = 0x0;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;
  static final int PONG = 0xA;

  /** A frame received from the server. */
  record Frame(int opcode, boolean fin, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The status code of a close frame (1005 when it carries none). */
    int closeCode() {
      return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawWebSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Connects and upgrades; fails unless the server answers 101. */
  static RawWebSocket connect(int port, String path) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    s.setSoTimeout((int) ApiTestNode.TIMEOUT.toMillis());
    RawWebSocket ws = new RawWebSocket(s);
    try {
      ws.out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      ws.out.flush();
      String head = ws.readHead();
      if (!head.startsWith("HTTP/1.1 101")) {
        throw new IOException("not upgraded: " + head);
      }
      return ws;
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed during the handshake: " + head);
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** Sends one masked frame as a client must. */
  void send(int opcode, boolean fin, byte[] payload) throws IOException {
    ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 14);
    f.write((fin ? 0x80 : 0) | opcode);
    if (payload.length < 126) {
      f.write(0x80 | payload.length);
    } else if (payload.length < 65_536) {
      f.write(0x80 | 126);
      f.write(payload.length >>> 8);
      f.write(payload.length & 0xFF);
    } else {
      f.write(0x80 | 127);
      f.write(ByteBuffer.allocate(8).putLong(payload.length).array(), 0, 8);
    }
    byte[] mask = new byte[4];
    RANDOM.nextBytes(mask);
    f.write(mask, 0, 4);
    for (int i = 0; i < payload.length; i++) {
      f.write(payload[i] ^ mask[i & 3]);
    }
    out.write(f.toByteArray());
    out.flush();
  }

  void sendText(String text) throws IOException {
    send(TEXT, true, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The next frame from the server, or null when the server closed the connection. */
  Frame read() throws IOException {
    int b0 = in.read();
    if (b0 < 0) {
      return null;
    }
    int b1 = readByte();
    long len = b1 & 0x7F;
    if (len == 126) {
      len = (readByte() << 8) | readByte();
    } else if (len == 127) {
      len = 0;
      for (int i = 0; i < 8; i++) {
        len = (len << 8) | readByte();
      }
    }
    byte[] payload = in.readNBytes((int) len);
    if (payload.length != len) {
      throw new EOFException("frame cut short");
    }
    return new Frame(b0 & 0x0F, (b0 & 0x80) != 0, payload);
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("frame cut short");
    }
    return b;
  }

  /** Every frame until the server's close frame (included) or the end of the connection. */
  List<Frame> readUntilClose() throws IOException {
    List<Frame> frames = new ArrayList<>();
    try {
      for (Frame f = read(); f != null; f = read()) {
        frames.add(f);
        if (f.opcode() == CLOSE) {
          break;
        }
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server neither closed nor sent a close frame within "
          + ApiTestNode.TIMEOUT.toSeconds() + " s; got " + frames.size() + " frames", e);
    }
    return frames;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
