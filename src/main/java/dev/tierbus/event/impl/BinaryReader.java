package dev.tierbus.event.impl;

import dev.tierbus.event.WireReader;
import io.vertx.core.buffer.Buffer;

/**
 * A {@link WireReader} over a region {@code [position, limit)} of a Vert.x {@link Buffer}.
 *
 * <p>Every read checks the bytes left before the limit and throws
 * {@link IllegalArgumentException} naming the offset when the message is truncated or
 * malformed. The dictionary is read once per message with {@link #readDictionary(String)}.
 */
final class BinaryReader implements WireReader {

  private static final String[] NO_STRINGS = {null};

  private final Buffer in;
  private final int limit;
  private int position;
  private String[] dictionary = NO_STRINGS;

  BinaryReader(Buffer in, int position, int limit) {
    this.in = in;
    this.position = position;
    this.limit = limit;
  }

  int position() {
    return position;
  }

  int remaining() {
    return limit - position;
  }

  /**
   * Reads the dictionary entries that follow; index 0 is null, index 1 is {@code seed} when
   * given, then the entries in order.
   */
  void readDictionary(String seed) {
    int count = readCount();
    int first = seed == null ? 1 : 2;
    String[] strings = new String[first + count];
    strings[first - 1] = seed;
    for (int i = first; i < strings.length; i++) {
      String s = readString();
      if (s == null) {
        throw corrupt("null string dictionary entry " + i);
      }
      strings[i] = s;
    }
    dictionary = strings;
  }

  @Override
  public byte readByte() {
    require(1);
    return in.getByte(position++);
  }

  @Override
  public boolean readBoolean() {
    byte b = readByte();
    if (b == 0 || b == 1) {
      return b == 1;
    }
    throw corrupt("boolean byte " + b + " at offset " + (position - 1));
  }

  @Override
  public int readVarInt() {
    int start = position;
    int result = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      byte b = readByte();
      if (shift == 28 && (b & 0xF0) != 0) {
        break;
      }
      result |= (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw corrupt("malformed varint at offset " + start);
  }

  @Override
  public int readCount() {
    int start = position;
    int count = readVarInt();
    if (count < 0 || count > remaining()) {
      throw corrupt("count " + Integer.toUnsignedString(count) + " at offset " + start + " exceeds the "
          + remaining() + " bytes left");
    }
    return count;
  }

  @Override
  public long readSignedVarLong() {
    int start = position;
    long v = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      byte b = readByte();
      if (shift == 63 && (b & 0xFE) != 0) {
        break;
      }
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return (v >>> 1) ^ -(v & 1);
      }
    }
    throw corrupt("malformed varint at offset " + start);
  }

  @Override
  public long readLong() {
    require(8);
    long v = in.getLong(position);
    position += 8;
    return v;
  }

  @Override
  public double readDouble() {
    return Double.longBitsToDouble(readLong());
  }

  @Override
  public String readString() {
    int lengthPlusOne = readVarInt();
    if (lengthPlusOne == 0) {
      return null;
    }
    int length = lengthPlusOne - 1;
    if (length < 0 || length > remaining()) {
      throw truncated(Integer.toUnsignedLong(length));
    }
    String s = in.getString(position, position + length);
    position += length;
    return s;
  }

  @Override
  public String readDictionaryString() {
    int start = position;
    int index = readVarInt();
    if (index < 0 || index >= dictionary.length) {
      throw corrupt("string index " + Integer.toUnsignedString(index) + " at offset " + start
          + " outside the dictionary of " + (dictionary.length - 1) + " strings");
    }
    return dictionary[index];
  }

  /** Throws unless the region has been read to its end. */
  void requireEnd() {
    if (position != limit) {
      throw corrupt((limit - position) + " unread bytes at the end of the message");
    }
  }

  IllegalArgumentException corrupt(String what) {
    return new IllegalArgumentException("corrupt message: " + what);
  }

  private void require(int bytes) {
    if (bytes > limit - position) {
      throw truncated(bytes);
    }
  }

  private IllegalArgumentException truncated(long bytes) {
    return new IllegalArgumentException("truncated message: need " + bytes + " bytes at offset " + position
        + " but only " + (limit - position) + " remain");
  }
}
