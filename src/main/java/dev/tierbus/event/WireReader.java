package dev.tierbus.event;

/**
 * Reads the primitive values of one wire message, in the order a {@link WireWriter} wrote them.
 *
 * <p>Rules: every read checks the bytes left in the message; reading past the end, a malformed
 * varint or a bad dictionary index throws {@link IllegalArgumentException}, so a truncated or
 * corrupt message never yields a half-built value. The reader belongs to one message and one
 * thread.
 */
public interface WireReader {

  /** Reads one byte as written by {@link WireWriter#writeByte(int)} (signed, -128..127). */
  byte readByte();

  /** Reads a boolean; a byte other than 0 or 1 is refused as corrupt. */
  boolean readBoolean();

  /** Reads a varint written by {@link WireWriter#writeVarInt(int)}. */
  int readVarInt();

  /**
   * Reads a count written by {@link WireWriter#writeCount(int)} and checks it is plausible (no
   * more than the bytes left), so a corrupt count fails here instead of allocating.
   */
  int readCount();

  /** Reads a value written by {@link WireWriter#writeSignedVarLong(long)}. */
  long readSignedVarLong();

  /** Reads 8 bytes written by {@link WireWriter#writeLong(long)}. */
  long readLong();

  /** Reads a double written by {@link WireWriter#writeDouble(double)}. */
  double readDouble();

  /** Reads a string, or null, written by {@link WireWriter#writeString(String)}. */
  String readString();

  /** Reads a string, or null, written by {@link WireWriter#writeDictionaryString(String)}. */
  String readDictionaryString();
}
