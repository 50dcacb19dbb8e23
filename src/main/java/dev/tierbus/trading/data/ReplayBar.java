package dev.tierbus.trading.data;

import dev.tierbus.event.Bar;
import java.util.List;

/**
 * One bar of one file, ready to publish.
 *
 * @param timeNanos the bar's open time (the time of its BAR_OPEN and BAR events)
 * @param ticks the trades of the bar, in time order, when the file publishes ticks; else empty
 */
record ReplayBar(long timeNanos, String symbol, Bar bar, List<ReplayTick> ticks) {

  /** This bar moved {@code shiftNanos} later (a looped replay). */
  ReplayBar shifted(long shiftNanos) {
    if (shiftNanos == 0) {
      return this;
    }
    List<ReplayTick> moved = ticks.isEmpty() ? ticks
        : ticks.stream().map(t -> new ReplayTick(t.timeNanos() + shiftNanos, t.price(), t.size())).toList();
    return new ReplayBar(timeNanos + shiftNanos, symbol, bar, moved);
  }
}
