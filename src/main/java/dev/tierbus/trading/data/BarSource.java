package dev.tierbus.trading.data;

import java.io.IOException;

/**
 * The bars of one file, in strictly increasing time order, read on demand.
 *
 * <p>Blocking (it reads a file): call it off the event loops. Not thread-safe.
 */
interface BarSource extends AutoCloseable {

  /** The file as configured, for messages. */
  String name();

  /**
   * The next bar, or null when the file is exhausted.
   *
   * @throws BadRowException for a bad row under {@link BadRowPolicy#FAIL}, or a bad file
   */
  ReplayBar next() throws IOException;

  /** The timeframe of the bars (known once the first row was read). */
  Timeframe timeframe();

  @Override
  void close() throws IOException;
}
