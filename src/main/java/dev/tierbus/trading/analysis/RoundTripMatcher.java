package dev.tierbus.trading.analysis;

import dev.tierbus.event.Direction;
import dev.tierbus.event.Side;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Matches fills into round trips, first in, first out, per symbol.
 *
 * <p>A fill in the direction of the open lots (or with none open) opens a lot. A fill against
 * them closes the oldest lots first; a lot closed in part is split, so each closing gives one
 * {@link RoundTrip} of the quantity it closed; what remains of the fill after every lot is
 * closed opens a lot the other way (a long turned short). Closed trips are listed in the order
 * they closed. Not thread-safe.
 */
public final class RoundTripMatcher {

  /** Below this fraction of the fill, a remainder is rounding dust. */
  private static final double DUST = 1e-12;

  private static final class Lot {
    final int sign;
    double quantity;
    final double price;
    final long timeNanos;
    final double commissionPerUnit;

    Lot(int sign, double quantity, double price, long timeNanos, double commissionPerUnit) {
      this.sign = sign;
      this.quantity = quantity;
      this.price = price;
      this.timeNanos = timeNanos;
      this.commissionPerUnit = commissionPerUnit;
    }
  }

  private final TreeMap<String, ArrayDeque<Lot>> lots = new TreeMap<>();
  private final List<RoundTrip> closed = new ArrayList<>();

  /** Adds a fill; returns the round trips it closed (possibly none). */
  public List<RoundTrip> onFill(String symbol, long timeNanos, Side side, double quantity, double price,
      double commission) {
    if (symbol == null || !(quantity > 0) || !(price > 0)) {
      return List.of();
    }
    int sign = side == Side.BUY ? 1 : -1;
    double perUnit = commission / quantity;
    ArrayDeque<Lot> open = lots.computeIfAbsent(symbol, s -> new ArrayDeque<>());
    List<RoundTrip> out = new ArrayList<>(1);
    double left = quantity;
    while (left > DUST * quantity && !open.isEmpty() && open.peekFirst().sign != sign) {
      Lot lot = open.peekFirst();
      double q = Math.min(left, lot.quantity);
      double fees = (lot.commissionPerUnit + perUnit) * q;
      double pnl = (price - lot.price) * q * lot.sign - fees;
      out.add(new RoundTrip(symbol, lot.sign > 0 ? Direction.LONG : Direction.SHORT, q, lot.timeNanos, lot.price,
          timeNanos, price, price, fees, pnl, pnl / (lot.price * q), false));
      lot.quantity -= q;
      left -= q;
      if (lot.quantity <= DUST * quantity) {
        open.pollFirst();
      }
    }
    if (left > DUST * quantity) {
      open.addLast(new Lot(sign, left, price, timeNanos, perUnit));
    }
    if (open.isEmpty()) {
      lots.remove(symbol);
    }
    closed.addAll(out);
    return out;
  }

  /** Every closed round trip, in the order they closed. */
  public List<RoundTrip> closed() {
    return Collections.unmodifiableList(closed);
  }

  /**
   * The open lots as open round trips, by symbol then entry, marked at {@code mark} of their
   * symbol (the entry price when the mark is not a positive number). Only the entry commission
   * is charged.
   */
  public List<RoundTrip> open(ToDoubleFunction<String> mark) {
    List<RoundTrip> out = new ArrayList<>();
    for (Map.Entry<String, ArrayDeque<Lot>> e : lots.entrySet()) {
      double m = mark.applyAsDouble(e.getKey());
      for (Lot lot : e.getValue()) {
        double price = m > 0 ? m : lot.price;
        double fees = lot.commissionPerUnit * lot.quantity;
        double pnl = (price - lot.price) * lot.quantity * lot.sign - fees;
        out.add(new RoundTrip(e.getKey(), lot.sign > 0 ? Direction.LONG : Direction.SHORT, lot.quantity,
            lot.timeNanos, lot.price, Long.MIN_VALUE, Double.NaN, price, fees, pnl, pnl / (lot.price * lot.quantity),
            true));
      }
    }
    return out;
  }

  /** Number of open lots. */
  public int openLots() {
    int n = 0;
    for (ArrayDeque<Lot> q : lots.values()) {
      n += q.size();
    }
    return n;
  }
}
