package dev.tierbus.trading.analysis;

import dev.tierbus.event.Fill;
import dev.tierbus.event.PortfolioUpdate;
import java.util.HashMap;
import java.util.Map;

/**
 * Follows a run: the equity curve from the portfolio's updates, the round trips from the fills,
 * the last close of each symbol to mark open trades. {@link #result()} computes the metrics of
 * what it has seen so far. Not thread-safe.
 */
public final class PerformanceTracker {

  private final EquityCurve curve = new EquityCurve();
  private final RoundTripMatcher matcher = new RoundTripMatcher();
  private final Map<String, Double> marks = new HashMap<>();

  /**
   * A portfolio update at {@code timeNanos}.
   *
   * @return true when it completed an equity point (its time is later than the previous point's)
   */
  public boolean onPortfolioUpdate(long timeNanos, PortfolioUpdate update) {
    boolean invested = false;
    for (double q : update.positions().values()) {
      if (q != 0.0) {
        invested = true;
        break;
      }
    }
    return curve.update(timeNanos, update.equity(), invested);
  }

  /** A fill of {@code symbol}. */
  public void onFill(String symbol, long timeNanos, Fill fill) {
    matcher.onFill(symbol, timeNanos, fill.side(), fill.quantity(), fill.price(), fill.commission());
    if (symbol != null) {
      marks.putIfAbsent(symbol, fill.price());
    }
  }

  /** The last price of {@code symbol} (a bar's close), for marking open trades. */
  public void onPrice(String symbol, double price) {
    if (symbol != null && price > 0) {
      marks.put(symbol, price);
    }
  }

  /** The analysis of everything seen so far; open trades are marked at the last prices. */
  public AnalysisResult result() {
    return AnalysisResult.of(curve.points(), matcher.closed(),
        matcher.open(s -> marks.getOrDefault(s, Double.NaN)));
  }

  public EquityCurve curve() {
    return curve;
  }

  public RoundTripMatcher matcher() {
    return matcher;
  }
}
