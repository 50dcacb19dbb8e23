package dev.tierbus.trading.strategy;

import dev.tierbus.event.Bar;
import dev.tierbus.event.Signal;

/**
 * A strategy as a plain function: one bar in, a signal (or nothing) out.
 *
 * <p>The function owns its state, e.g. rolling windows per symbol. A
 * {@link StrategyContainer} calls it on its own context, one bar at a time, in time order per
 * (symbol, timeframe) and with each bar once, so the state needs no locks. Returning null
 * means "no signal for this bar" (still warming up, or nothing to say). The container
 * publishes the signal at the bar's symbol and time; when {@link Signal#strategy()} is null
 * it fills in the container's id.
 *
 * <pre>{@code
 * StrategyFunction upDown = (bar, symbol) -> bar.close() > bar.open()
 *     ? new Signal(Direction.LONG, 1.0, "close above open", null)
 *     : new Signal(Direction.SHORT, -1.0, "close not above open", null);
 * registry.register("up_down", spec -> new StrategyContainer(upDown));
 * }</pre>
 */
@FunctionalInterface
public interface StrategyFunction {

  /** The signal for {@code bar} of {@code symbol}, or null for none. */
  Signal onBar(Bar bar, String symbol);
}
