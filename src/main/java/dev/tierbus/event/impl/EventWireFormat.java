package dev.tierbus.event.impl;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventBatch;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Payload;
import dev.tierbus.event.PayloadCodecs;
import io.vertx.core.buffer.Buffer;
import java.util.Map;

/**
 * The binary form of an event and of an event batch, shared by {@code EventCodec} and
 * {@code EventBatchCodec}.
 *
 * <p>Layout, version {@value #VERSION} ({@code varint}: unsigned LEB128; {@code svarint}: zigzag
 * LEB128; {@code str}: {@code varint(length + 1)} then UTF-8, 0 for null; {@code ref}: varint
 * index into the message's string dictionary, 0 for null):
 *
 * <pre>
 * batch      = version:u8 length:i32 source:str count:varint dictionary event{count}
 * one event  = version:u8 length:i32 dictionary event
 * dictionary = n:varint str{n}          entries take indexes 1.. (a batch: 2.., 1 is its source)
 * event      = type:varint idDelta:svarint source:ref symbol:ref timeDelta:svarint
 *              payloadCode:varint payload headerCount:varint (key:ref value:ref){headerCount}
 * </pre>
 *
 * <p>{@code length} counts the bytes after itself, so a truncated message is refused before
 * any event is read. Ids and times are deltas from the previous event of the message (the
 * first from 0): sequential ids cost one byte. The payload is written by its
 * {@code PayloadCodec}. Decoding never returns a partial result: any bad input throws
 * {@link IllegalArgumentException} naming what was wrong and where.
 */
public final class EventWireFormat {

  /** The format version this node writes and reads. */
  public static final byte VERSION = 1;

  private static final int HEADER_BYTES = 5;
  private static final int BODY_BYTES_PER_EVENT = 64;
  private static final int MAX_INITIAL_BODY_BYTES = 1 << 20;

  private EventWireFormat() {}

  /** Appends one event to {@code out}. */
  public static void writeEvent(Buffer out, Event event) {
    StringDictionary dictionary = new StringDictionary();
    Buffer body = Buffer.buffer(BODY_BYTES_PER_EVENT);
    encode(new BinaryWriter(body, dictionary), event, new Previous(), 0);
    int lengthAt = begin(out);
    dictionary.writeEntries(new BinaryWriter(out, null));
    end(out, lengthAt, body);
  }

  /** Appends a batch to {@code out} as one message. */
  public static void writeBatch(Buffer out, EventBatch batch) {
    int size = batch.size();
    StringDictionary dictionary = new StringDictionary();
    dictionary.seed(batch.source());
    Buffer body = Buffer.buffer((int) Math.min(MAX_INITIAL_BODY_BYTES, (long) BODY_BYTES_PER_EVENT * size + 16));
    BinaryWriter writer = new BinaryWriter(body, dictionary);
    Previous previous = new Previous();
    for (int i = 0; i < size; i++) {
      encode(writer, batch.get(i), previous, i);
    }
    int lengthAt = begin(out);
    BinaryWriter header = new BinaryWriter(out, null);
    header.writeString(batch.source());
    header.writeCount(size);
    dictionary.writeEntries(header);
    end(out, lengthAt, body);
  }

  /** Reads an event written by {@link #writeEvent} starting at {@code position}. */
  public static Event readEvent(int position, Buffer in) {
    BinaryReader reader = open(position, in, "event");
    try {
      reader.readDictionary(null);
      Event event = decode(reader, new Previous());
      reader.requireEnd();
      return event;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot decode tierbus event: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a batch written by {@link #writeBatch} starting at {@code position}; its
   * {@link EventBatch#createdNanos()} is {@link System#nanoTime()} now, at decoding.
   */
  public static EventBatch readBatch(int position, Buffer in) {
    BinaryReader reader = open(position, in, "event batch");
    String source = null;
    int count = 0;
    int index = -1;
    try {
      source = reader.readString();
      if (source == null) {
        throw reader.corrupt("null batch source");
      }
      count = reader.readCount();
      reader.readDictionary(source);
      Event[] events = new Event[count];
      Previous previous = new Previous();
      for (index = 0; index < count; index++) {
        events[index] = decode(reader, previous);
      }
      reader.requireEnd();
      return new EventBatch(source, events, count, System.nanoTime());
    } catch (RuntimeException e) {
      String from = source == null ? "" : " from '" + source + "'";
      String at = index >= 0 && index < count ? " at event " + index + " of " + count : "";
      throw new IllegalArgumentException("cannot decode tierbus event batch" + from + at + ": " + e.getMessage(), e);
    }
  }

  private static void encode(BinaryWriter out, Event event, Previous previous, int index) {
    try {
      out.writeVarInt(event.type().code());
      out.writeSignedVarLong(event.id() - previous.id);
      out.writeDictionaryString(event.source());
      out.writeDictionaryString(event.symbol());
      out.writeSignedVarLong(event.timeNanos() - previous.timeNanos);
      PayloadCodecs.encode(event.payload(), out);
      Map<String, String> headers = event.headers();
      out.writeCount(headers.size());
      if (!headers.isEmpty()) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
          out.writeDictionaryString(header.getKey());
          out.writeDictionaryString(header.getValue());
        }
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot encode event " + index + " (" + event.type() + " from '"
          + event.source() + "'): " + e.getMessage(), e);
    }
    previous.id = event.id();
    previous.timeNanos = event.timeNanos();
  }

  private static Event decode(BinaryReader in, Previous previous) {
    EventType type = EventType.fromCode(in.readVarInt());
    long id = previous.id + in.readSignedVarLong();
    String source = in.readDictionaryString();
    if (source == null) {
      throw in.corrupt("null event source");
    }
    String symbol = in.readDictionaryString();
    long timeNanos = previous.timeNanos + in.readSignedVarLong();
    Payload payload = PayloadCodecs.decode(in);
    Map<String, String> headers = readHeaders(in);
    previous.id = id;
    previous.timeNanos = timeNanos;
    return new Event(id, type, source, symbol, timeNanos, payload, headers);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> readHeaders(BinaryReader in) {
    int count = in.readCount();
    if (count == 0) {
      return Map.of();
    }
    Map.Entry<String, String>[] entries = (Map.Entry<String, String>[]) new Map.Entry<?, ?>[count];
    for (int i = 0; i < count; i++) {
      String key = in.readDictionaryString();
      String value = in.readDictionaryString();
      if (key == null || value == null) {
        throw in.corrupt("null header key or value");
      }
      entries[i] = Map.entry(key, value);
    }
    return Map.ofEntries(entries);
  }

  private static int begin(Buffer out) {
    out.appendByte(VERSION);
    int lengthAt = out.length();
    out.appendInt(0);
    return lengthAt;
  }

  private static void end(Buffer out, int lengthAt, Buffer body) {
    out.appendBuffer(body);
    out.setInt(lengthAt, out.length() - lengthAt - 4);
  }

  private static BinaryReader open(int position, Buffer in, String what) {
    int available = in.length() - position;
    if (position < 0 || available < HEADER_BYTES) {
      throw new IllegalArgumentException("truncated tierbus " + what + ": " + Math.max(available, 0)
          + " bytes at offset " + position + ", the header alone takes " + HEADER_BYTES);
    }
    byte version = in.getByte(position);
    if (version != VERSION) {
      throw new IllegalArgumentException("unsupported tierbus " + what + " wire format version " + version
          + "; this node reads version " + VERSION);
    }
    int length = in.getInt(position + 1);
    if (length < 0) {
      throw new IllegalArgumentException("corrupt tierbus " + what + ": negative length " + length);
    }
    if (length > available - HEADER_BYTES) {
      throw new IllegalArgumentException("truncated tierbus " + what + ": header declares " + length
          + " bytes but only " + (available - HEADER_BYTES) + " follow");
    }
    int start = position + HEADER_BYTES;
    return new BinaryReader(in, start, start + length);
  }

  /** Id and time of the previous event of a message, the base of the deltas. */
  private static final class Previous {
    long id;
    long timeNanos;
  }
}
