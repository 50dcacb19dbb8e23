package dev.tierbus.api.impl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Puts a WebSocket client's frames together into text messages, refusing what the stream's
 * protocol does not allow.
 *
 * <p>Vert.x's own aggregation would decode invalid UTF-8 into replacement characters and
 * report an oversized message only as an exception; here each is a {@link Violation} with the
 * close code RFC 6455 gives it, so the client can be told what was wrong before it is closed:
 * <ul>
 *   <li>a message (one frame or fragmented) of more than {@code maxBytes}: 1009 (message too big);
 *   <li>a text message that is not valid UTF-8: 1007 (invalid payload data);
 *   <li>a binary message: 1003 (unsupported data; the stream speaks JSON text);
 *   <li>a continuation frame without a message to continue: 1002 (protocol error).
 * </ul>
 * Single frames larger than {@code maxBytes} never get here: the server's frame decoder
 * refuses them as soon as it reads their length (see {@link SignalSession}). Control frames
 * (ping, pong, close) are not messages and are ignored. One instance per connection, on its
 * event loop.
 */
final class MessageAssembler {

  /** What a client did wrong, and the close code that says so. */
  record Violation(short closeCode, String message) {}

  private final int maxBytes;
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private Buffer partial;

  MessageAssembler(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The outcome of one frame: a whole message, a violation, or neither (more frames to come). */
  record Outcome(String text, Violation violation) {
    static final Outcome MORE = new Outcome(null, null);
  }

  Outcome frame(WebSocketFrame frame) {
    if (frame.isBinary()) {
      partial = null;
      return violation(1003, "binary frames are not understood; send JSON text");
    }
    if (frame.isText()) {
      if (partial != null) {
        partial = null;
        return violation(1002, "a text frame inside a fragmented message");
      }
      return add(frame, frame.binaryData());
    }
    if (frame.isContinuation()) {
      if (partial == null) {
        return violation(1002, "a continuation frame without a message to continue");
      }
      return add(frame, frame.binaryData());
    }
    return Outcome.MORE;
  }

  private Outcome add(WebSocketFrame frame, Buffer data) {
    int size = (partial == null ? 0 : partial.length()) + data.length();
    if (size > maxBytes) {
      partial = null;
      return violation(1009, "a message of more than " + maxBytes + " bytes (websocket.max_frame_bytes)");
    }
    if (!frame.isFinal()) {
      if (partial == null) {
        partial = Buffer.buffer(Math.min(maxBytes, 2 * data.length()));
      }
      partial.appendBuffer(data);
      return Outcome.MORE;
    }
    Buffer whole = partial == null ? data : partial.appendBuffer(data);
    partial = null;
    try {
      return new Outcome(utf8.decode(ByteBuffer.wrap(whole.getBytes())).toString(), null);
    } catch (CharacterCodingException e) {
      return violation(1007, "a text message that is not valid UTF-8");
    }
  }

  private static Outcome violation(int code, String message) {
    return new Outcome(null, new Violation((short) code, message));
  }
}
