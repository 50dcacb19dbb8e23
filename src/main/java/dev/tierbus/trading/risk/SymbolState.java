package dev.tierbus.trading.risk;

import dev.tierbus.event.Direction;

/** What {@link RiskManager} knows of one symbol. Mutable, owned by the manager. */
final class SymbolState {
  /** Time and close of the last bar. */
  long barTime = Long.MIN_VALUE;
  double close = Double.NaN;
  /** The latest signal: its direction, time and a description for order reasons. */
  Direction desired;
  long signalTime = Long.MIN_VALUE;
  String signalNote;
  /** True until the latest signal has been acted on (or found to need nothing). */
  boolean unprocessed;
  /** Direction of the position a stop-loss closed; entries that way wait for another signal direction. */
  Direction stopLock;
  /** Orders of this symbol sent and not yet filled or rejected. */
  int pending;
  /** Code and direction of the last alert raised for this symbol (not repeated). */
  String lastAlertKey;
}
