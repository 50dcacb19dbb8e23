package dev.tierbus.trading.risk;

import dev.tierbus.event.Bar;
import dev.tierbus.event.Direction;
import dev.tierbus.event.Fill;
import dev.tierbus.event.Order;
import dev.tierbus.event.RiskAlert;
import dev.tierbus.event.Side;
import dev.tierbus.event.Signal;
import dev.tierbus.trading.portfolio.PositionBook;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Turns signals into orders under a {@link RiskConfig}: the logic of the {@code risk} container,
 * free of Vert.x.
 *
 * <p><b>Signals are targets.</b> LONG means "be long", FLAT "be flat", SHORT "be short" — or,
 * without {@code allow_short}, "be flat": a SHORT closes a long and never opens a short. A signal
 * whose target is the current position does nothing (strategies repeat their view every bar);
 * a change sends an exit of the whole position and/or an entry sized by {@link PositionSizer}.
 * Strength is not used for sizing.
 *
 * <p><b>Its own book.</b> Risk keeps a {@link PositionBook} from the FILLs of its own orders and
 * the closes of the BARs it receives, so its view of cash, positions and equity depends only on
 * the order of its input, never on the timing of another container's updates.
 *
 * <p><b>Waiting, for determinism.</b> A signal is acted on once risk has seen the close of the
 * signal's bar (the reference price for sizing) and while no order of its symbol is pending; the
 * latest signal of a symbol waits until both hold. An order is pending from its sending until its
 * FILL (the whole quantity; a notional order's first fill) or its rejection
 * ({@code order_rejected} alert from the broker).
 *
 * <p><b>Stops.</b> With {@code stop_loss_pct}, a BAR whose close is that far beyond the average
 * cost (below for a long, above for a short) sends an exit and a {@code stop_loss_pct} alert
 * (before the signal of that bar is looked at); entries in the stopped direction are then ignored
 * until the symbol's latest signal has another direction.
 * With {@code emergency_stop_loss}, equity is marked at every BAR close; a drawdown from its peak
 * beyond the fraction closes every position, halts new entries for good (until the container is
 * redeployed) and raises an {@code emergency_stop_loss} alert; refused entries raise it again.
 *
 * <p><b>Alerts.</b> Reduced or refused entries raise an alert with the rule as code and the
 * numbers in the message; the same alert for the same symbol and direction is raised once until
 * the symbol trades or its signal changes direction (a strategy repeating LONG every bar does not
 * repeat the alert).
 *
 * <p>Orders are market orders with ids {@code <prefix><n>} (n = 1, 2, ...) and the time of the
 * bar they were decided on. One owner drives it (not thread-safe); counters may be read from any
 * thread.
 */
public final class RiskManager {

  /** Where orders and alerts go. */
  public interface Sink {
    void order(String symbol, long timeNanos, Order order);

    void alert(String symbol, long timeNanos, RiskAlert alert);
  }

  private final RiskConfig config;
  private final String orderIdPrefix;
  /** Prefixes of the order ids this manager and the ones it took over from sent. */
  private final java.util.Set<String> ownPrefixes = new java.util.LinkedHashSet<>();
  private final Sink sink;
  private PositionBook book;
  private final PositionSizer sizer;
  private final TreeMap<String, SymbolState> symbols = new TreeMap<>();
  private final Map<String, PendingOrder> pending = new LinkedHashMap<>();
  private long nextOrder = 1;
  private double peakEquity;
  private volatile boolean halted;
  private volatile int pendingCount;
  private volatile long signalsIn;
  private volatile long ordersOut;
  private volatile long alertsOut;
  private volatile long alertsRepeated;
  private volatile long foreignFills;

  /**
   * @param orderIdPrefix prefix of the order ids, e.g. {@code "risk-"}
   */
  public RiskManager(RiskConfig config, String orderIdPrefix, Sink sink) {
    this.config = Objects.requireNonNull(config, "config");
    this.orderIdPrefix = Objects.requireNonNull(orderIdPrefix, "orderIdPrefix");
    this.ownPrefixes.add(orderIdPrefix);
    this.sink = Objects.requireNonNull(sink, "sink");
    this.book = new PositionBook(config.initialCapital());
    this.sizer = new PositionSizer(config);
    this.peakEquity = config.initialCapital();
  }

  /**
   * Continues where {@code predecessor} (the manager of the container this one replaces, no
   * longer driven) stopped: its book (cash, positions, average costs, marks), the symbols'
   * signals, its pending orders (their fills are still this manager's), the peak equity and
   * whether the emergency stop fired. The order ids this manager sends keep its own prefix.
   * Call before the first event.
   */
  public void takeOver(RiskManager predecessor) {
    Objects.requireNonNull(predecessor, "predecessor");
    book = predecessor.book;
    symbols.putAll(predecessor.symbols);
    pending.putAll(predecessor.pending);
    pendingCount = pending.size();
    peakEquity = predecessor.peakEquity;
    halted = predecessor.halted;
    ownPrefixes.addAll(predecessor.ownPrefixes);
  }

  // ------------------------------------------------------------------ input

  /** A signal for {@code symbol} computed on the bar at {@code timeNanos}. */
  public void onSignal(String symbol, long timeNanos, Signal signal) {
    signalsIn++;
    if (symbol == null) {
      return;
    }
    SymbolState st = state(symbol);
    if (timeNanos < st.signalTime) {
      return;
    }
    Direction d = signal.direction();
    if (st.desired != d) {
      st.lastAlertKey = null;
    }
    st.desired = d;
    st.signalTime = timeNanos;
    st.signalNote = "signal " + d + (signal.strategy() == null ? "" : " from " + signal.strategy())
        + (signal.reason() == null ? "" : ": " + signal.reason());
    st.unprocessed = true;
    evaluate(symbol, st, timeNanos);
  }

  /** A bar of {@code symbol} closed: marks, emergency stop, stop-loss, then a waiting signal. */
  public void onBar(String symbol, long timeNanos, Bar bar) {
    if (symbol == null) {
      return;
    }
    SymbolState st = state(symbol);
    if (timeNanos <= st.barTime) {
      return;
    }
    st.barTime = timeNanos;
    st.close = bar.close();
    book.mark(symbol, bar.close());
    if (checkEmergency(symbol, timeNanos)) {
      return;
    }
    if (checkStopLoss(symbol, st, timeNanos)) {
      return;
    }
    evaluate(symbol, st, timeNanos);
  }

  /** A fill; fills of orders this manager did not send are ignored. */
  public void onFill(String symbol, long timeNanos, Fill fill) {
    PendingOrder p = pending.get(fill.orderId());
    if (p == null && !isOwn(fill.orderId())) {
      foreignFills++;
      return;
    }
    String s = symbol != null ? symbol : p == null ? null : p.symbol;
    if (s == null) {
      foreignFills++;
      return;
    }
    book.apply(s, fill.side(), fill.quantity(), fill.price(), fill.commission());
    SymbolState st = state(s);
    st.lastAlertKey = null;
    if (p != null) {
      p.filled += fill.quantity();
      if (p.done()) {
        pending.remove(fill.orderId());
        pendingCount = pending.size();
        st.pending--;
      }
    }
    if (st.pending == 0) {
      evaluate(s, st, timeNanos);
    }
  }

  /** The broker rejected an order: it is no longer pending (the next signal or bar decides again). */
  public void onOrderRejected(String orderId) {
    PendingOrder p = pending.remove(orderId);
    if (p != null) {
      pendingCount = pending.size();
      state(p.symbol).pending--;
    }
  }

  // ------------------------------------------------------------------ rules

  private boolean checkEmergency(String symbol, long t) {
    if (!config.hasEmergencyStop()) {
      return false; // equity is a sum over every position: not computed per bar when not needed
    }
    double equity = book.equity();
    peakEquity = Math.max(peakEquity, equity);
    if (halted || !config.hasEmergencyStop() || !(peakEquity > 0)) {
      return false;
    }
    double drawdown = (peakEquity - equity) / peakEquity;
    if (!(drawdown > config.emergencyStopLoss())) {
      return false;
    }
    halted = true;
    emitAlert(symbol, t, RiskAlerts.emergency(peakEquity, equity, drawdown, config.emergencyStopLoss()));
    for (Map.Entry<String, SymbolState> e : symbols.entrySet()) {
      evaluate(e.getKey(), e.getValue(), t);
    }
    return true;
  }

  private boolean checkStopLoss(String symbol, SymbolState st, long t) {
    if (halted || !config.hasStopLoss() || st.pending > 0) {
      return false;
    }
    double pos = book.position(symbol);
    if (pos == 0.0) {
      return false;
    }
    double avg = book.averageCost(symbol);
    double f = config.stopLossPct() / 100.0;
    double stop = pos > 0 ? avg * (1 - f) : avg * (1 + f);
    boolean hit = pos > 0 ? st.close <= stop : st.close >= stop;
    if (!hit) {
      return false;
    }
    st.stopLock = pos > 0 ? Direction.LONG : Direction.SHORT;
    String why = RiskAlerts.stopReason(pos > 0, st.close, stop, config.stopLossPct(), avg);
    String orderId = send(symbol, t, Order.market(nextId(), pos > 0 ? Side.SELL : Side.BUY, Math.abs(pos),
        "stop-loss: " + why));
    emitAlert(symbol, t, RiskAlerts.stopLoss(symbol, why, st.close, stop, avg, config.stopLossPct(), Math.abs(pos),
        orderId));
    return true;
  }

  /** Acts on the symbol's latest signal (or the halt) when its bar is known and nothing is pending. */
  private void evaluate(String symbol, SymbolState st, long now) {
    if (st.pending > 0) {
      return;
    }
    double pos = book.position(symbol);
    boolean flatten = halted && pos != 0.0;
    if (!flatten && (!st.unprocessed || st.signalTime > st.barTime)) {
      return;
    }
    if (!(st.close > 0)) {
      return;
    }
    long t = Math.max(now, st.signalTime);
    boolean fresh = st.unprocessed && st.signalTime <= st.barTime;
    if (fresh) {
      st.unprocessed = false;
    }
    int current = (int) Math.signum(pos);
    int wanted = st.desired == null ? current : targetOf(st.desired);
    if (st.stopLock != null) {
      // decided here, not when the signal arrives, so that a stop and a signal of the same bar
      // give the same result whichever of them arrived first
      if (st.desired != st.stopLock) {
        st.stopLock = null;
      } else {
        wanted = 0;
      }
    }
    int target = wanted;
    if (halted) {
      target = 0;
      if (fresh && wanted != 0 && wanted != current) {
        alertOnce(symbol, st, t, RiskAlerts.halted(symbol, st.desired, config.emergencyStopLoss()));
      }
    }
    if (target == current) {
      return;
    }
    double cash = book.cash();
    if (current != 0) {
      String reason = (halted ? "emergency stop: exit " : "exit ") + (current > 0 ? "long" : "short")
          + (halted ? "" : " on " + st.signalNote);
      send(symbol, t, Order.market(nextId(), current > 0 ? Side.SELL : Side.BUY, Math.abs(pos), reason));
      cash += pos * st.close;
    }
    if (target != 0) {
      enter(symbol, st, t, target > 0 ? Direction.LONG : Direction.SHORT, cash);
    }
  }

  private void enter(String symbol, SymbolState st, long t, Direction direction, double cash) {
    double equity = book.equity();
    if (!(equity > 0)) {
      alertOnce(symbol, st, t, RiskAlerts.noEquity(symbol, direction, equity));
      return;
    }
    PositionSizer.Entry entry = sizer.size(symbol, direction, st.close, equity, cash, otherExposure(symbol));
    for (RiskAlert a : entry.alerts()) {
      alertOnce(symbol, st, t, a);
    }
    if (entry.refused()) {
      return;
    }
    Side side = direction == Direction.LONG ? Side.BUY : Side.SELL;
    String reason = "enter " + (direction == Direction.LONG ? "long" : "short") + " on " + st.signalNote
        + " [" + config.sizing() + ", reference close " + PositionSizer.price(st.close) + "]";
    Order order = Double.isNaN(entry.notional())
        ? Order.market(nextId(), side, entry.quantity(), reason)
        : Order.marketNotional(nextId(), side, entry.notional(), entry.quantity(), config.wholeUnits(), reason);
    send(symbol, t, order);
  }

  private int targetOf(Direction d) {
    return switch (d) {
      case LONG -> 1;
      case SHORT -> config.allowShort() ? -1 : 0;
      case FLAT -> 0;
    };
  }

  /**
   * Σ |position + pending| × mark over the symbols other than {@code symbol}: the book's gross
   * exposure (a running sum, marked at the bar closes this manager saw) without
   * {@code symbol}'s, corrected for the symbols with pending orders. O(pending orders).
   */
  private double otherExposure(String symbol) {
    double sum = book.grossExposure() - Math.abs(book.position(symbol) * markFor(symbol));
    TreeMap<String, Double> pendingBySymbol = new TreeMap<>();
    for (PendingOrder p : pending.values()) {
      if (!p.symbol.equals(symbol)) {
        pendingBySymbol.merge(p.symbol, p.remaining(), Double::sum);
      }
    }
    for (Map.Entry<String, Double> e : pendingBySymbol.entrySet()) {
      double mark = markFor(e.getKey());
      if (mark > 0) {
        double q = book.position(e.getKey());
        sum += Math.abs((q + e.getValue()) * mark) - Math.abs(q * mark);
      }
    }
    return Math.max(0.0, sum);
  }

  private double markFor(String s) {
    SymbolState st = symbols.get(s);
    double mark = st != null && st.close > 0 ? st.close : book.markOf(s);
    return Double.isNaN(mark) ? 0.0 : mark;
  }

  // ------------------------------------------------------------------ output

  private String send(String symbol, long t, Order order) {
    pending.put(order.orderId(), new PendingOrder(symbol, order));
    pendingCount = pending.size();
    state(symbol).pending++;
    ordersOut++;
    sink.order(symbol, t, order);
    return order.orderId();
  }

  private void alertOnce(String symbol, SymbolState st, long t, RiskAlert alert) {
    String key = alert.code() + ":" + st.desired;
    if (key.equals(st.lastAlertKey)) {
      alertsRepeated++;
      return;
    }
    st.lastAlertKey = key;
    emitAlert(symbol, t, alert);
  }

  private void emitAlert(String symbol, long t, RiskAlert alert) {
    alertsOut++;
    sink.alert(symbol, t, alert);
  }

  private boolean isOwn(String orderId) {
    for (String prefix : ownPrefixes) {
      if (orderId.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private String nextId() {
    return orderIdPrefix + nextOrder++;
  }

  private SymbolState state(String symbol) {
    return symbols.computeIfAbsent(symbol, s -> new SymbolState());
  }

  // ------------------------------------------------------------------ state

  /** Risk's own book (not thread-safe: read it from the owner's thread, or once the events have settled). */
  public PositionBook book() {
    return book;
  }

  public RiskConfig config() {
    return config;
  }

  /** True once the emergency stop fired. */
  public boolean halted() {
    return halted;
  }

  /** Orders sent and not yet filled or rejected. */
  public int pendingOrders() {
    return pendingCount;
  }

  public long signalsIn() {
    return signalsIn;
  }

  public long ordersOut() {
    return ordersOut;
  }

  public long alertsOut() {
    return alertsOut;
  }

  /** Alerts not raised again because they repeated the symbol's last one. */
  public long alertsRepeated() {
    return alertsRepeated;
  }

  /** Fills of orders this manager did not send (ignored). */
  public long foreignFills() {
    return foreignFills;
  }
}
