package dev.tierbus.event.impl;

import dev.tierbus.event.WireWriter;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * A {@link WireWriter} that appends to a Vert.x {@link Buffer}.
 *
 * <p>Strings are written as {@code varint(length + 1)} and their UTF-8 bytes, with 0 for null;
 * ASCII strings are copied without an intermediate byte array. Dictionary strings go through
 * the message's {@link StringDictionary}.
 */
final class BinaryWriter implements WireWriter {

  private final Buffer out;
  private final StringDictionary dictionary;

  /** @param dictionary the message's dictionary, or null for a writer of header fields only */
  BinaryWriter(Buffer out, StringDictionary dictionary) {
    this.out = out;
    this.dictionary = dictionary;
  }

  @Override
  public void writeByte(int value) {
    out.appendByte((byte) value);
  }

  @Override
  public void writeBoolean(boolean value) {
    out.appendByte(value ? (byte) 1 : (byte) 0);
  }

  @Override
  public void writeVarInt(int value) {
    int v = value;
    while ((v & ~0x7F) != 0) {
      out.appendByte((byte) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.appendByte((byte) v);
  }

  @Override
  public void writeCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    writeVarInt(count);
  }

  @Override
  public void writeSignedVarLong(long value) {
    long v = (value << 1) ^ (value >> 63);
    while ((v & ~0x7FL) != 0) {
      out.appendByte((byte) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.appendByte((byte) v);
  }

  @Override
  public void writeLong(long value) {
    out.appendLong(value);
  }

  @Override
  public void writeDouble(double value) {
    out.appendLong(Double.doubleToRawLongBits(value));
  }

  @Override
  public void writeString(String value) {
    if (value == null) {
      writeVarInt(0);
      return;
    }
    int length = value.length();
    if (isAscii(value, length)) {
      writeVarInt(length + 1);
      for (int i = 0; i < length; i++) {
        out.appendByte((byte) value.charAt(i));
      }
    } else {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      writeVarInt(utf8.length + 1);
      out.appendBytes(utf8);
    }
  }

  @Override
  public void writeDictionaryString(String value) {
    if (dictionary == null) {
      throw new IllegalStateException("this writer has no string dictionary");
    }
    writeVarInt(dictionary.indexOf(value));
  }

  private static boolean isAscii(String value, int length) {
    for (int i = 0; i < length; i++) {
      if (value.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
