package dev.tierbus.trading.analysis;

import dev.tierbus.event.Direction;
import java.util.Objects;

/**
 * A round-trip trade: a quantity entered and exited, matched first in, first out.
 *
 * <pre>
 *   pnl    = (exit_price − entry_price) × quantity × (+1 long, −1 short) − commissions of the entry and the exit
 *   return = pnl / (entry_price × quantity)
 * </pre>
 * Commissions are shared out by quantity: a fill of 100 with commission 5 charges 0.05 per unit
 * to every round trip it is part of. An open round trip has no exit: its P&amp;L and return are
 * marked at {@code markPrice} (the symbol's last close) and {@link #exitTimeNanos()} and
 * {@link #exitPrice()} mean nothing.
 *
 * @param direction LONG or SHORT
 * @param exitTimeNanos time of the exit fill ({@link Long#MIN_VALUE} while open)
 * @param exitPrice price of the exit fill (NaN while open)
 * @param markPrice the exit price, or for an open trade the price it is marked at
 * @param returnFraction pnl over the entry value (0.05 = 5 %)
 */
public record RoundTrip(
    String symbol,
    Direction direction,
    double quantity,
    long entryTimeNanos,
    double entryPrice,
    long exitTimeNanos,
    double exitPrice,
    double markPrice,
    double commission,
    double pnl,
    double returnFraction,
    boolean open) {

  public RoundTrip {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(direction, "direction");
  }
}
