package dev.tierbus.trading.indicator;

import dev.tierbus.event.Bar;
import dev.tierbus.event.IndicatorValue;
import java.util.Map;

/**
 * A technical indicator over one series of bars, updated in O(1) per bar.
 *
 * <p>Contract, shared by every implementation:
 * <ul>
 *   <li>One instance per (symbol, timeframe) series; bars are fed in time order, each once.</li>
 *   <li>Warm-up is part of the contract: {@link #update} returns false, and there is no value,
 *       until {@link #warmUpBars()} bars have been fed; from then on every update yields a
 *       value.</li>
 *   <li>Not thread-safe: an instance belongs to one container's context.</li>
 *   <li>{@code toString()} shows the type and parameters, e.g. {@code RSI(14)}.</li>
 * </ul>
 */
public interface Indicator {

  /** The indicator type as it appears in {@link IndicatorValue#name()} and in filters, e.g. {@code RSI}. */
  String name();

  /** Its parameters, e.g. {@code period=14}; immutable. */
  Map<String, Double> params();

  /** Number of bars after which the first value is available (the first value comes with that bar). */
  int warmUpBars();

  /** Feeds the next bar; true when a value is available after it. */
  boolean update(Bar bar);

  /** True once warmed up. */
  boolean isReady();

  /**
   * The current outputs, e.g. {@code value} or {@code upper/middle/lower}.
   *
   * @throws IllegalStateException before warm-up
   */
  Map<String, Double> values();

  /** The current value as an event payload. */
  default IndicatorValue toValue(String timeframe) {
    return new IndicatorValue(name(), params(), values(), timeframe);
  }
}
