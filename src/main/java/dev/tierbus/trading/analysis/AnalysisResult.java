package dev.tierbus.trading.analysis;

import dev.tierbus.event.AnalysisReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the analysis of a run found: the metrics, the round trips (closed ones in the order they
 * closed, then the open ones) and the equity curve. Immutable.
 */
public record AnalysisResult(PerformanceMetrics metrics, List<RoundTrip> trades, List<EquityPoint> equity) {

  public AnalysisResult {
    Objects.requireNonNull(metrics, "metrics");
    trades = List.copyOf(trades);
    equity = List.copyOf(equity);
  }

  /**
   * Computes the metrics of a curve and its round trips.
   *
   * @param closed closed round trips
   * @param open open round trips, marked
   */
  public static AnalysisResult of(List<EquityPoint> curve, List<RoundTrip> closed, List<RoundTrip> open) {
    int wins = 0;
    for (RoundTrip t : closed) {
      if (t.pnl() > 0) {
        wins++;
      }
    }
    double[] daily = PerformanceMath.returns(PerformanceMath.daily(curve));
    boolean empty = curve.isEmpty();
    PerformanceMetrics metrics = new PerformanceMetrics(
        PerformanceMath.totalReturn(curve),
        PerformanceMath.cagr(curve),
        PerformanceMath.sharpe(daily),
        PerformanceMath.sortino(daily),
        PerformanceMath.maxDrawdown(curve),
        closed.size(),
        closed.isEmpty() ? Double.NaN : (double) wins / closed.size(),
        PerformanceMath.exposure(curve),
        open.size(),
        empty ? Double.NaN : curve.get(0).equity(),
        empty ? Double.NaN : curve.get(curve.size() - 1).equity(),
        empty ? 0 : curve.get(0).timeNanos(),
        empty ? 0 : curve.get(curve.size() - 1).timeNanos());
    List<RoundTrip> trades = new ArrayList<>(closed.size() + open.size());
    trades.addAll(closed);
    trades.addAll(open);
    return new AnalysisResult(metrics, trades, curve);
  }

  /** The summary as an ANALYSIS_REPORT payload. */
  public AnalysisReport toReport(boolean finalReport) {
    PerformanceMetrics m = metrics;
    return new AnalysisReport(finalReport, equity.size(), m.startEquity(), m.endEquity(), m.totalReturn(), m.cagr(),
        m.sharpe(), m.sortino(), m.maxDrawdown(), m.tradeCount(), m.openTradeCount(), m.winRate(), m.exposure());
  }
}
