package dev.tierbus.journal.impl;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventCodec;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Event-bus codecs of the reliable tier's request and reply: by reference in a JVM, binary
 * across nodes.
 *
 * <pre>
 * request = version:u8 subscriber:str count:i32 (deliveryId:i64 attempt:i32 redelivered:u8 event){count}
 * reply   = version:u8 confirmed:i32 error:str unsubscribed:u8
 * str     = length:i32 (-1 for null) UTF-8 bytes;  event = the EventCodec's framed form
 * </pre>
 */
final class DeliveryCodecs {

  static final byte VERSION = 1;
  private static final EventCodec EVENTS = new EventCodec();
  private static final Set<EventBus> REGISTERED = Collections.newSetFromMap(new WeakHashMap<>());

  private DeliveryCodecs() {}

  /** Registers both codecs as defaults on {@code bus}, once per bus. */
  static void register(EventBus bus) {
    synchronized (REGISTERED) {
      if (REGISTERED.add(bus)) {
        bus.registerDefaultCodec(DeliveryRequest.class, new RequestCodec());
        bus.registerDefaultCodec(DeliveryReply.class, new ReplyCodec());
      }
    }
  }

  static void writeString(Buffer out, String s) {
    if (s == null) {
      out.appendInt(-1);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.appendInt(bytes.length).appendBytes(bytes);
  }

  /** Reads a string at {@code pos[0]} and advances it. */
  static String readString(Buffer in, int[] pos) {
    int len = in.getInt(pos[0]);
    pos[0] += 4;
    if (len < 0) {
      return null;
    }
    if (len > in.length() - pos[0]) {
      throw new IllegalArgumentException("corrupt delivery message: string of " + len + " bytes at " + pos[0]
          + " runs past the end (" + in.length() + ")");
    }
    String s = in.getString(pos[0], pos[0] + len, "UTF-8");
    pos[0] += len;
    return s;
  }

  private static void checkVersion(Buffer in, int pos) {
    byte v = in.getByte(pos);
    if (v != VERSION) {
      throw new IllegalArgumentException("delivery message of format version " + v + ", this node reads " + VERSION);
    }
  }

  static final class RequestCodec implements MessageCodec<DeliveryRequest, DeliveryRequest> {
    @Override
    public void encodeToWire(Buffer out, DeliveryRequest r) {
      out.appendByte(VERSION);
      writeString(out, r.subscriber());
      out.appendInt(r.items().size());
      for (DeliveryRequest.Item item : r.items()) {
        out.appendLong(item.deliveryId()).appendInt(item.attempt()).appendByte((byte) (item.redelivered() ? 1 : 0));
        EVENTS.encodeToWire(out, item.event());
      }
    }

    @Override
    public DeliveryRequest decodeFromWire(int position, Buffer in) {
      checkVersion(in, position);
      int[] pos = {position + 1};
      String subscriber = readString(in, pos);
      int count = in.getInt(pos[0]);
      pos[0] += 4;
      if (count < 0 || count > in.length()) {
        throw new IllegalArgumentException("corrupt delivery request: " + count + " items");
      }
      List<DeliveryRequest.Item> items = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        long id = in.getLong(pos[0]);
        int attempt = in.getInt(pos[0] + 8);
        boolean redelivered = in.getByte(pos[0] + 12) != 0;
        pos[0] += 13;
        Event event = EVENTS.decodeFromWire(pos[0], in);
        pos[0] += 5 + in.getInt(pos[0] + 1);
        items.add(new DeliveryRequest.Item(id, attempt, redelivered, event));
      }
      return new DeliveryRequest(subscriber, items);
    }

    @Override
    public DeliveryRequest transform(DeliveryRequest r) {
      return r;
    }

    @Override
    public String name() {
      return "tierbus-reliable-request";
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }
  }

  static final class ReplyCodec implements MessageCodec<DeliveryReply, DeliveryReply> {
    @Override
    public void encodeToWire(Buffer out, DeliveryReply r) {
      out.appendByte(VERSION).appendInt(r.confirmed());
      writeString(out, r.error());
      out.appendByte((byte) (r.unsubscribed() ? 1 : 0));
    }

    @Override
    public DeliveryReply decodeFromWire(int position, Buffer in) {
      checkVersion(in, position);
      int confirmed = in.getInt(position + 1);
      int[] pos = {position + 5};
      String error = readString(in, pos);
      return new DeliveryReply(confirmed, error, in.getByte(pos[0]) != 0);
    }

    @Override
    public DeliveryReply transform(DeliveryReply r) {
      return r;
    }

    @Override
    public String name() {
      return "tierbus-reliable-reply";
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }
  }
}
