package dev.tierbus.trading.execution;

import dev.tierbus.event.Bar;
import dev.tierbus.event.Fill;
import dev.tierbus.event.Order;
import dev.tierbus.event.RiskAlert;
import dev.tierbus.event.Side;
import dev.tierbus.trading.support.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fills orders against bars, as a broker would that sees only the market data: the logic of
 * the {@code execution} container, free of Vert.x.
 *
 * <p>Rules, per symbol; "later" compares event times (a bar's time is its open time, as the data
 * publishes it), never arrival, so a late ORDER cannot trade at a price from before it:
 * <ul>
 *   <li><b>Market, {@link FillTiming#NEXT_OPEN}</b> (default): at the open of the first bar later
 *       than the order — the first later BAR_OPEN, or the first later BAR when no BAR_OPEN of
 *       that period came first. An order that arrives after the BAR_OPEN of a period fills at
 *       that period's close (the next price offered after it arrived).</li>
 *   <li><b>Market, {@link FillTiming#CLOSE}</b>: at the close of the order's own bar — at once if
 *       that bar (or a later one) was seen, else when it arrives.</li>
 *   <li><b>Limit</b>: first on the order's own bar's close (fill_at close), then on each later bar:
 *       at the open when the open is at or better than the limit, else at the limit when the
 *       bar's range reaches it (buy: low &lt;= limit; sell: high &gt;= limit). Slippage never
 *       takes a limit fill past its limit. Limit orders stay working until filled.</li>
 *   <li><b>Slippage</b> ({@link CostModel#slipped}) is then clamped to the bar's [low, high],
 *       so a fill made on a BAR never lies outside the prices the bar traded at. A fill made on a
 *       BAR_OPEN is made before the bar's high and low exist: it keeps its full slippage (a
 *       market order at the open pays the spread; waiting for the range would put the fill after
 *       the signals computed on that bar's close) and {@link #openFillsOutsideRange()} counts the
 *       ones the bar's range, once known, did not contain.</li>
 *   <li><b>Notional orders</b> resolve their quantity at the fill price:
 *       {@link CostModel#affordableQuantity}; one that affords nothing is rejected.</li>
 * </ul>
 * Each order fills completely in one {@link Fill} with commission {@link CostModel#commission}.
 * A rejected order (no symbol, too many working orders, notional too small) gets a
 * {@link RiskAlert} with code {@value #REJECTED} and the order id in its details. An order whose
 * id was already received (among the last {@value #REMEMBERED_IDS}) is a redelivery when it is
 * the same order for the same symbol: it is ignored and counted ({@link #duplicateOrders()});
 * a different order under a used id is rejected ({@link #reusedIds()}). Bars not later
 * than the last bar of their symbol are ignored and counted. One owner drives it (not
 * thread-safe); its counters may be read from any thread.
 */
public final class PaperBroker {

  /** Code of the alert for a rejected order. */
  public static final String REJECTED = "order_rejected";

  /** Order ids remembered to refuse a duplicate (a redelivered ORDER must not trade twice). */
  static final int REMEMBERED_IDS = 100_000;

  /** Where fills and rejections go. */
  public interface Sink {
    void fill(String symbol, long timeNanos, Fill fill);

    void reject(String symbol, long timeNanos, RiskAlert alert);
  }

  private record Working(Order order, long timeNanos) {}

  private record Received(String symbol, Order order) {}

  private static final class Market {
    long openTime = Long.MIN_VALUE;
    long barTime = Long.MIN_VALUE;
    Bar bar;
    final List<Working> working = new ArrayList<>();
    final List<Fill> openFills = new ArrayList<>();
  }

  private final ExecutionConfig config;
  private final CostModel costs;
  private final Sink sink;
  private final Map<String, Market> markets = new HashMap<>();
  /** The orders received lately by id (and symbol), oldest first. */
  private final LinkedHashMap<String, Received> received = new LinkedHashMap<>();
  // one writer (the owner); volatile so that the counters can be read from any thread
  private volatile int workingCount;
  private volatile long ordersIn;
  private volatile long fills;
  private volatile long rejected;
  private volatile long staleBars;
  private volatile long duplicates;
  private volatile long reusedIds;
  private volatile long openFillsOutsideRange;

  public PaperBroker(ExecutionConfig config, Sink sink) {
    this.config = Objects.requireNonNull(config, "config");
    this.costs = config.costs();
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** An order arrived; {@code timeNanos} is the ORDER event's time (the bar it was decided on). */
  public void onOrder(String symbol, long timeNanos, Order order) {
    ordersIn++;
    if (symbol == null) {
      reject(null, timeNanos, order, "order " + order.orderId() + " has no symbol");
      return;
    }
    Received earlier = received.get(order.orderId());
    if (earlier != null) {
      if (earlier.equals(new Received(symbol, order))) {
        // a redelivery of an order already taken (the reliable tier redelivers after a crash):
        // trading it again would double the position, refusing it would tell risk it never traded
        duplicates++;
      } else {
        // an id used again for another order: a sender that lost count; neither order may be mixed up
        reusedIds++;
        String quantity = BigDecimal.valueOf(earlier.order().quantity()).stripTrailingZeros().toPlainString();
        reject(symbol, timeNanos, order, "its id was already used for another order (" + earlier.order().side() + " "
            + quantity + " " + earlier.symbol() + "); order ids must be unique");
      }
      return;
    }
    received.put(order.orderId(), new Received(symbol, order));
    if (received.size() > REMEMBERED_IDS) {
      Iterator<String> oldest = received.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    if (workingCount >= config.maxWorkingOrders()) {
      reject(symbol, timeNanos, order, "max_working_orders " + config.maxWorkingOrders() + " reached");
      return;
    }
    Market m = markets.computeIfAbsent(symbol, s -> new Market());
    Working w = new Working(order, timeNanos);
    if (config.fillAt() == FillTiming.CLOSE && m.bar != null && m.barTime >= timeNanos) {
      if (tryOnClose(symbol, w, m.bar, m.barTime)) {
        return;
      }
    }
    m.working.add(w);
    workingCount++;
  }

  /** A period of {@code symbol} opened at {@code open}. */
  public void onBarOpen(String symbol, long timeNanos, double open) {
    if (symbol == null) {
      return;
    }
    Market m = markets.computeIfAbsent(symbol, s -> new Market());
    if (timeNanos <= m.openTime || timeNanos <= m.barTime) {
      staleBars++;
      return;
    }
    m.openTime = timeNanos;
    m.openFills.clear();
    for (Iterator<Working> it = m.working.iterator(); it.hasNext(); ) {
      Working w = it.next();
      if (w.timeNanos >= timeNanos) {
        continue;
      }
      Order o = w.order;
      double price;
      if (o.isMarket()) {
        if (config.fillAt() == FillTiming.CLOSE) {
          continue;
        }
        price = costs.slipped(o.side(), open);
      } else if (marketable(o, open)) {
        price = capAtLimit(o, costs.slipped(o.side(), open));
      } else {
        continue;
      }
      Fill fill = fill(symbol, timeNanos, o, price);
      if (fill != null) {
        m.openFills.add(fill);
      }
      it.remove();
      workingCount--;
    }
  }

  /** A bar of {@code symbol} closed. */
  public void onBar(String symbol, long timeNanos, Bar bar) {
    if (symbol == null) {
      return;
    }
    Market m = markets.computeIfAbsent(symbol, s -> new Market());
    if (timeNanos <= m.barTime || timeNanos < m.openTime) {
      staleBars++;
      return;
    }
    boolean openOffered = m.openTime == timeNanos;
    if (openOffered) {
      for (Fill f : m.openFills) {
        if (f.side() == Side.BUY ? f.price() > bar.high() : f.price() < bar.low()) {
          openFillsOutsideRange++;
        }
      }
    }
    m.openFills.clear();
    m.bar = bar;
    m.barTime = timeNanos;
    for (Iterator<Working> it = m.working.iterator(); it.hasNext(); ) {
      Working w = it.next();
      boolean filled;
      if (w.timeNanos > timeNanos) {
        filled = false;
      } else if (w.timeNanos == timeNanos) {
        filled = config.fillAt() == FillTiming.CLOSE && tryOnClose(symbol, w, bar, timeNanos);
      } else {
        filled = tryOnLaterBar(symbol, w, bar, timeNanos, openOffered);
      }
      if (filled) {
        it.remove();
        workingCount--;
      }
    }
  }

  /** Fills {@code w} at the close of {@code bar} if it can; true when it is done (filled or rejected). */
  private boolean tryOnClose(String symbol, Working w, Bar bar, long timeNanos) {
    Order o = w.order;
    if (o.isMarket()) {
      fill(symbol, timeNanos, o, clamp(costs.slipped(o.side(), bar.close()), bar));
      return true;
    }
    if (marketable(o, bar.close())) {
      fill(symbol, timeNanos, o, clamp(capAtLimit(o, costs.slipped(o.side(), bar.close())), bar));
      return true;
    }
    return false;
  }

  private boolean tryOnLaterBar(String symbol, Working w, Bar bar, long timeNanos, boolean openOffered) {
    Order o = w.order;
    if (o.isMarket()) {
      double reference = config.fillAt() == FillTiming.NEXT_OPEN && !openOffered ? bar.open() : bar.close();
      fill(symbol, timeNanos, o, clamp(costs.slipped(o.side(), reference), bar));
      return true;
    }
    if (!openOffered && marketable(o, bar.open())) {
      fill(symbol, timeNanos, o, clamp(capAtLimit(o, costs.slipped(o.side(), bar.open())), bar));
      return true;
    }
    boolean reached = o.side() == Side.BUY ? bar.low() <= o.limitPrice() : bar.high() >= o.limitPrice();
    if (reached) {
      fill(symbol, timeNanos, o, clamp(o.limitPrice(), bar));
      return true;
    }
    return false;
  }

  private static boolean marketable(Order o, double price) {
    return o.side() == Side.BUY ? price <= o.limitPrice() : price >= o.limitPrice();
  }

  private static double capAtLimit(Order o, double price) {
    return o.side() == Side.BUY ? Math.min(price, o.limitPrice()) : Math.max(price, o.limitPrice());
  }

  private static double clamp(double price, Bar bar) {
    return Math.max(bar.low(), Math.min(bar.high(), price));
  }

  /** Publishes the fill of {@code o} at {@code price}, or rejects a notional order that affords nothing. */
  private Fill fill(String symbol, long timeNanos, Order o, double price) {
    double quantity = o.isNotional() ? costs.affordableQuantity(o.notional(), price, o.wholeUnits()) : o.quantity();
    if (!(quantity > 0)) {
      StringBuilder why = new StringBuilder(96).append("notional ");
      Decimals.append(why, o.notional(), 2).append(" does not buy ").append(o.wholeUnits() ? "one unit" : "anything")
          .append(" at ");
      Decimals.append(why, price, 4).append(" after commission");
      reject(symbol, timeNanos, o, why.toString());
      return null;
    }
    Fill fill = new Fill(o.orderId(), o.side(), quantity, price, costs.commission(quantity, price));
    fills++;
    sink.fill(symbol, timeNanos, fill);
    return fill;
  }

  private void reject(String symbol, long timeNanos, Order o, String why) {
    rejected++;
    sink.reject(symbol, timeNanos, new RiskAlert(REJECTED, "order " + o.orderId() + " rejected: " + why,
        Map.of(RiskAlert.ORDER_ID, o.orderId())));
  }

  /** Orders received. */
  public long ordersIn() {
    return ordersIn;
  }

  /** Fills made. */
  public long fills() {
    return fills;
  }

  /** Orders rejected. */
  public long rejected() {
    return rejected;
  }

  /** Orders ignored because their id had already been received. */
  public long duplicateOrders() {
    return duplicates;
  }

  /** Orders rejected because their id had been used for another order. */
  public long reusedIds() {
    return reusedIds;
  }

  /**
   * Continues where {@code predecessor} (the broker of the container this one replaces, no
   * longer driven) stopped: its working orders, the bars it saw and the ids it received. Costs
   * and fill rules are this broker's. Call before the first event.
   */
  public void takeOver(PaperBroker predecessor) {
    Objects.requireNonNull(predecessor, "predecessor");
    markets.putAll(predecessor.markets);
    received.putAll(predecessor.received);
    workingCount = predecessor.workingCount;
  }

  /** Orders waiting for a price. */
  public int workingOrders() {
    return workingCount;
  }

  /** Bars and BAR_OPENs ignored because they were not later than the symbol's last one. */
  public long staleBars() {
    return staleBars;
  }

  /** Fills made at a BAR_OPEN whose slipped price the bar's range, once known, did not contain. */
  public long openFillsOutsideRange() {
    return openFillsOutsideRange;
  }
}
