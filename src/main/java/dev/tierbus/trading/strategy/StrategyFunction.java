package dev.tierbus.trading.strategy;

import dev.tierbus.event.Bar;
import dev.tierbus.event.IndicatorValue;
import dev.tierbus.event.Signal;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A strategy as a plain function: a bar (or an indicator value) in, a signal (or nothing) out.
 *
 * <p>The function owns its state, e.g. rolling windows per symbol. A
 * {@link StrategyContainer} calls it on its own context, one event at a time, in time order
 * per (symbol, timeframe) and with each event once, so the state needs no locks. Returning
 * null means "no signal" (still warming up, or nothing to say). The container publishes the
 * signal at the symbol and time of the event it answers; when {@link Signal#strategy()} is
 * null it fills in the container's id.
 *
 * <pre>{@code
 * StrategyFunction upDown = (bar, symbol) -> bar.close() > bar.open()
 *     ? new Signal(Direction.LONG, 1.0, "close above open", null)
 *     : new Signal(Direction.SHORT, -1.0, "close not above open", null);
 * registry.register("up_down", spec -> new StrategyContainer(upDown));
 *
 * StrategyFunction rsi = StrategyFunction.onIndicators((value, symbol) ->
 *     !value.name().equals("RSI") ? null
 *         : value.value("value") < 30 ? new Signal(Direction.LONG, 0.5, "RSI below 30", null) : null);
 * }</pre>
 * A function that answers indicators should answer one of them per bar (filter by name): an
 * ensemble counts one signal per member and bar.
 */
@FunctionalInterface
public interface StrategyFunction {

  /** The signal for {@code bar} of {@code symbol}, or null for none. */
  Signal onBar(Bar bar, String symbol);

  /**
   * The signal for an INDICATOR value of {@code symbol} (computed on the bar at the event's
   * time), or null for none. Default: none.
   */
  default Signal onIndicator(IndicatorValue value, String symbol) {
    return null;
  }

  /** A strategy that answers indicator values only, from a plain function. */
  static StrategyFunction onIndicators(BiFunction<IndicatorValue, String, Signal> function) {
    Objects.requireNonNull(function, "function");
    return new StrategyFunction() {
      @Override
      public Signal onBar(Bar bar, String symbol) {
        return null;
      }

      @Override
      public Signal onIndicator(IndicatorValue value, String symbol) {
        return function.apply(value, symbol);
      }
    };
  }
}
