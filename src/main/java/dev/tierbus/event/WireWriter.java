package dev.tierbus.event;

/**
 * Writes the primitive values of one wire message; what a {@link PayloadCodec} encodes with.
 *
 * <p>Rules: a {@link PayloadCodec#decode} must read exactly the values its
 * {@link PayloadCodec#encode} wrote, in the same order and with the matching read method.
 * Fixed-size numbers are big-endian. The writer belongs to one message and one thread.
 */
public interface WireWriter {

  /** Writes the low 8 bits of {@code value}; read back with {@link WireReader#readByte()}. */
  void writeByte(int value);

  /** Writes one byte, 1 or 0. */
  void writeBoolean(boolean value);

  /**
   * Writes an unsigned LEB128 varint: 1 byte below 128, 2 below 16384, at most 5; a
   * negative value round-trips but takes 5 bytes (use {@link #writeSignedVarLong} for those).
   */
  void writeVarInt(int value);

  /** Writes a non-negative element count as a varint; read back with {@link WireReader#readCount()}. */
  void writeCount(int count);

  /** Writes a zigzag varint: small magnitudes of either sign are short (1 byte for -64..63). */
  void writeSignedVarLong(long value);

  /** Writes 8 bytes. */
  void writeLong(long value);

  /** Writes the 8 raw IEEE 754 bytes, so NaN and infinities round-trip. */
  void writeDouble(double value);

  /**
   * Writes a string, or null, inline as a length and its UTF-8 bytes; for strings that vary
   * (ids, messages, reasons). Unpaired surrogates do not round-trip (they become {@code ?}).
   */
  void writeString(String value);

  /**
   * Writes a string, or null, through the message's string dictionary: the first time a string
   * occurs in the message its bytes are written once, each occurrence costs a varint index.
   * For strings that repeat (timeframes, indicator names, map keys, strategy ids).
   */
  void writeDictionaryString(String value);
}
