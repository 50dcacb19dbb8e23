package dev.tierbus.trading.data;

import java.io.IOException;
import java.util.List;

/**
 * Where a replay's bar times come from: files ({@link ReplayCursor}) or a generator
 * ({@link SyntheticGroups}). Blocking allowed (called off the event loops); one caller at a time.
 */
interface GroupSource extends AutoCloseable {

  /** Up to {@code max} next groups, in time order; empty once the source is exhausted. */
  List<TimeGroup> next(int max) throws IOException;

  /** The bars' timeframe, or null when not known yet. */
  Timeframe timeframe();

  /** Completed passes before the current one (a looping replay). */
  long loops();

  @Override
  void close() throws IOException;
}
