package dev.tierbus.event;

/**
 * The body of an {@link Event}: an immutable value, usually a record.
 *
 * <p>The default methods expose the attributes subscription filters look at; a record whose
 * component has the same name ({@code timeframe}, {@code regime}) implements them for free.
 * A payload that has no such attribute returns {@code null}, and a filter on that attribute
 * does not match it.
 */
public interface Payload {

  /** Bar or indicator timeframe, e.g. {@code 1min}, {@code 1D}; null when not applicable. */
  default String timeframe() {
    return null;
  }

  /** Indicator type, e.g. {@code RSI}; null when not an indicator value. */
  default String indicatorType() {
    return null;
  }

  /** Market regime, e.g. {@code bull}; null when not applicable. */
  default String regime() {
    return null;
  }
}
