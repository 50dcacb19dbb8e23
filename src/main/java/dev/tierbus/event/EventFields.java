package dev.tierbus.event;

/**
 * The rules for the text fields of an event — {@code source}, {@code symbol}, header keys and
 * values, and the ids payloads carry (an order id) — checked where an event is built, so that
 * one bad value is refused at its edge instead of failing a journal batch or a file later.
 *
 * <p>A field is refused when it is empty, longer than its bound, or holds a character that no
 * store, file or wire form of tierbus takes as it is: a control character (U+0000–U+001F,
 * U+007F–U+009F, NUL included) or half of a UTF-16 surrogate pair without its other half. Any
 * other Unicode text is allowed.
 *
 * <table>
 *   <caption>bounds, in UTF-16 chars</caption>
 *   <tr><td>source (a container id)</td><td>{@value #MAX_SOURCE_LENGTH}</td></tr>
 *   <tr><td>symbol</td><td>{@value #MAX_SYMBOL_LENGTH}</td></tr>
 *   <tr><td>an id in a payload (order id)</td><td>{@value #MAX_ID_LENGTH}</td></tr>
 *   <tr><td>header key / header value</td><td>{@value #MAX_HEADER_KEY_LENGTH} / {@value #MAX_HEADER_VALUE_LENGTH}</td></tr>
 * </table>
 */
public final class EventFields {

  public static final int MAX_SOURCE_LENGTH = 128;
  public static final int MAX_SYMBOL_LENGTH = 64;
  public static final int MAX_ID_LENGTH = 128;
  public static final int MAX_HEADER_KEY_LENGTH = 64;
  public static final int MAX_HEADER_VALUE_LENGTH = 1024;

  private EventFields() {}

  /**
   * What is wrong with {@code value} as a field of at most {@code maxLength} chars, or null when
   * nothing is.
   */
  public static String problem(String value, int maxLength) {
    int n = value.length();
    if (n == 0) {
      return "is empty";
    }
    if (n > maxLength) {
      return "is " + n + " characters long, at most " + maxLength + " are allowed";
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        return "holds the control character U+" + hex(c) + " at index " + i;
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
        } else {
          return "holds an unpaired UTF-16 surrogate U+" + hex(c) + " at index " + i;
        }
      }
    }
    return null;
  }

  /**
   * {@code value} when it is a valid field.
   *
   * @param field the field's name, which the message starts with
   * @throws NullPointerException when {@code value} is null
   * @throws IllegalArgumentException naming the field and what is wrong with it
   */
  public static String require(String field, String value, int maxLength) {
    if (value == null) {
      throw new NullPointerException(field);
    }
    String problem = problem(value, maxLength);
    if (problem != null) {
      throw new IllegalArgumentException(field + " " + problem);
    }
    return value;
  }

  /** {@code value} when it is null or a valid field; see {@link #require}. */
  public static String optional(String field, String value, int maxLength) {
    return value == null ? null : require(field, value, maxLength);
  }

  private static String hex(char c) {
    return String.format("%04X", (int) c);
  }
}
