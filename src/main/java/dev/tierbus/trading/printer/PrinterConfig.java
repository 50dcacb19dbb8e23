package dev.tierbus.trading.printer;

import dev.tierbus.config.ParamReader;

/**
 * Parameters of a {@code printer}.
 *
 * <pre>
 *   every   integer >= 1   1   log one event out of every N received (counting all of them)
 * </pre>
 */
public record PrinterConfig(long every) {

  public static final long DEFAULT_EVERY = 1;

  public PrinterConfig {
    if (every < 1) {
      throw new IllegalArgumentException("every must be >= 1, was " + every);
    }
  }

  public static PrinterConfig read(ParamReader r) {
    return new PrinterConfig(r.integer("every", DEFAULT_EVERY, 1));
  }
}
