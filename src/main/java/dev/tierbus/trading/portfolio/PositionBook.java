package dev.tierbus.trading.portfolio;

import dev.tierbus.event.PortfolioUpdate;
import dev.tierbus.event.Side;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Cash, positions at average cost and their marks: the accounting of one account.
 *
 * <pre>
 *   fill (side d = +1 buy / -1 sell, quantity f, price p, commission c):
 *     cash     -= d·f·p + c
 *     realized -= c                                   commissions are realized costs
 *     adding to the position (or opening):  avg = (|q|·avg + f·p) / (|q| + f),  q += d·f
 *     reducing it:  realized += (p - avg)·closed·sign(q)   for closed = min(f, |q|)
 *     crossing zero: the rest opens a new position at p
 *   unrealized = Σ (mark - avg)·q        equity = cash + Σ q·mark = initial cash + realized + unrealized
 * </pre>
 *
 * <p>Shorts are negative quantities: selling short adds the proceeds to cash and the position
 * counts at {@code q·mark < 0} in equity. A symbol's mark is the last price given to
 * {@link #mark}; a symbol that was never marked is marked at its first fill price. Equity and
 * gross exposure are running sums updated by each fill and mark and recomputed in sorted symbol
 * order every {@value #EXACT_EVERY} changes: the same fills and marks give the same doubles every
 * time, and the cost per bar does not grow with the number of positions. Not thread-safe: one
 * owner (a container's context) drives it.
 */
public final class PositionBook {

  /** A position whose size falls below this fraction of the fill that reduced it is treated as closed. */
  private static final double DUST = 1e-12;
  /**
   * The running sums are recomputed from scratch this often, so their rounding never drifts
   * far (about 1e-12 of the account) while equity stays O(1) per bar with thousands of symbols.
   */
  static final int EXACT_EVERY = 4096;

  private static final class Position {
    double quantity;
    double averageCost;
  }

  private final double initialCash;
  private final TreeMap<String, Position> positions = new TreeMap<>();
  private final HashMap<String, Double> marks = new HashMap<>();
  /** Σ q·mark and Σ |q·mark|, kept up to date per fill and mark (recomputed exactly every {@value #EXACT_EVERY} changes). */
  private double marketValue;
  private double grossValue;
  private int changesSinceExact;
  private double cash;
  private double realized;
  private double commissions;

  /** An empty book holding {@code initialCash}. */
  public PositionBook(double initialCash) {
    if (!Double.isFinite(initialCash)) {
      throw new IllegalArgumentException("initialCash must be finite, was " + initialCash);
    }
    this.initialCash = initialCash;
    this.cash = initialCash;
  }

  /**
   * Applies a fill and returns the P&amp;L it realized (net of its commission).
   *
   * @throws IllegalArgumentException when quantity is not > 0 or price not > 0, naming the value
   */
  public double apply(String symbol, Side side, double quantity, double price, double commission) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    if (!(quantity > 0) || !Double.isFinite(quantity)) {
      throw new IllegalArgumentException("fill quantity must be > 0, was " + quantity);
    }
    if (!(price > 0) || !Double.isFinite(price)) {
      throw new IllegalArgumentException("fill price must be > 0, was " + price);
    }
    if (!(commission >= 0) || !Double.isFinite(commission)) {
      throw new IllegalArgumentException("commission must be >= 0, was " + commission);
    }
    double valueBefore = value(symbol);
    double d = side == Side.BUY ? 1.0 : -1.0;
    cash -= d * quantity * price + commission;
    commissions += commission;
    double before = realized;
    realized -= commission;
    marks.putIfAbsent(symbol, price);

    Position pos = positions.computeIfAbsent(symbol, s -> new Position());
    double q = pos.quantity;
    if (q == 0.0 || Math.signum(q) == d) {
      double size = Math.abs(q);
      pos.averageCost = (size * pos.averageCost + quantity * price) / (size + quantity);
      pos.quantity = q + d * quantity;
    } else {
      double closed = Math.min(quantity, Math.abs(q));
      realized += (price - pos.averageCost) * closed * Math.signum(q);
      double left = q + d * closed;
      double rest = quantity - closed;
      if (Math.abs(left) <= DUST * quantity) {
        left = 0.0;
      }
      if (rest > DUST * quantity) {
        pos.quantity = d * rest;
        pos.averageCost = price;
      } else {
        pos.quantity = left;
      }
    }
    if (pos.quantity == 0.0) {
      positions.remove(symbol);
    }
    changed(valueBefore, value(symbol));
    return realized - before;
  }

  /** q·mark of {@code symbol}, 0 when flat. */
  private double value(String symbol) {
    Position p = positions.get(symbol);
    return p == null ? 0.0 : p.quantity * markOf(symbol, p);
  }

  private void changed(double valueBefore, double valueAfter) {
    if (++changesSinceExact >= EXACT_EVERY) {
      changesSinceExact = 0;
      double mv = 0.0;
      double gv = 0.0;
      for (Map.Entry<String, Position> e : positions.entrySet()) {
        double v = e.getValue().quantity * markOf(e.getKey(), e.getValue());
        mv += v;
        gv += Math.abs(v);
      }
      marketValue = mv;
      grossValue = gv;
      return;
    }
    marketValue += valueAfter - valueBefore;
    grossValue += Math.abs(valueAfter) - Math.abs(valueBefore);
  }

  /** Sets the price {@code symbol} is valued at. */
  public void mark(String symbol, double price) {
    Objects.requireNonNull(symbol, "symbol");
    if (Double.isFinite(price)) {
      Position p = positions.get(symbol);
      if (p == null) {
        marks.put(symbol, price);
        return;
      }
      double valueBefore = p.quantity * markOf(symbol, p);
      marks.put(symbol, price);
      changed(valueBefore, p.quantity * price);
    }
  }

  public double initialCash() {
    return initialCash;
  }

  public double cash() {
    return cash;
  }

  /** P&amp;L realized so far, net of every commission paid. */
  public double realizedPnl() {
    return realized;
  }

  /** Commissions paid so far. */
  public double commissions() {
    return commissions;
  }

  /** Σ (mark - average cost)·quantity over open positions. */
  public double unrealizedPnl() {
    double sum = 0.0;
    for (Map.Entry<String, Position> e : positions.entrySet()) {
      Position p = e.getValue();
      sum += (markOf(e.getKey(), p) - p.averageCost) * p.quantity;
    }
    return sum;
  }

  /** cash + Σ quantity·mark (O(1): a running sum). */
  public double equity() {
    return cash + marketValue;
  }

  /** Σ |quantity·mark|: the value of the long and the short positions together (O(1)). */
  public double grossExposure() {
    return grossValue;
  }

  /** The signed quantity held of {@code symbol} (0 when flat). */
  public double position(String symbol) {
    Position p = positions.get(symbol);
    return p == null ? 0.0 : p.quantity;
  }

  /** Average cost of the position in {@code symbol}, NaN when flat. */
  public double averageCost(String symbol) {
    Position p = positions.get(symbol);
    return p == null ? Double.NaN : p.averageCost;
  }

  /** The mark of {@code symbol}, NaN when it never had one. */
  public double markOf(String symbol) {
    Double m = marks.get(symbol);
    return m == null ? Double.NaN : m;
  }

  private double markOf(String symbol, Position p) {
    Double m = marks.get(symbol);
    return m == null ? p.averageCost : m;
  }

  /** Calls {@code action} with each open position's symbol and signed quantity, in symbol order. */
  public void forEachPosition(java.util.function.BiConsumer<String, Double> action) {
    positions.forEach((s, p) -> action.accept(s, p.quantity));
  }

  /** True when some position is open. */
  public boolean hasPositions() {
    return !positions.isEmpty();
  }

  /** Open positions by symbol, sorted; a copy. */
  public SortedMap<String, Double> positions() {
    TreeMap<String, Double> out = new TreeMap<>();
    positions.forEach((s, p) -> out.put(s, p.quantity));
    return Collections.unmodifiableSortedMap(out);
  }

  /** The state as a {@link PortfolioUpdate}. */
  public PortfolioUpdate snapshot() {
    Map<String, Double> open = new LinkedHashMap<>();
    positions.forEach((s, p) -> open.put(s, p.quantity));
    return new PortfolioUpdate(cash, equity(), realized, unrealizedPnl(), open);
  }

  @Override
  public String toString() {
    return "PositionBook[cash=" + cash + ", equity=" + equity() + ", positions=" + positions() + "]";
  }
}
