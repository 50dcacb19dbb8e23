package dev.tierbus.trading.analysis;

/**
 * The figures of a run (formulas: {@link PerformanceMath}); NaN where not defined.
 *
 * @param totalReturn fraction (0.12 = 12 %)
 * @param cagr fraction per year
 * @param sharpe annualized, daily returns, √252, risk-free 0, sample standard deviation
 * @param sortino annualized, daily returns, √252, downside deviation with target 0 over all returns
 * @param maxDrawdown positive fraction of the peak
 * @param tradeCount closed round trips
 * @param winRate share of closed round trips with pnl &gt; 0 (NaN without any)
 * @param exposure share of equity points with a position
 * @param openTradeCount round trips still open at the end
 * @param startEquity equity of the first point
 * @param endEquity equity of the last point
 * @param startTimeNanos time of the first point (0 without points)
 * @param endTimeNanos time of the last point (0 without points)
 */
public record PerformanceMetrics(
    double totalReturn,
    double cagr,
    double sharpe,
    double sortino,
    double maxDrawdown,
    int tradeCount,
    double winRate,
    double exposure,
    int openTradeCount,
    double startEquity,
    double endEquity,
    long startTimeNanos,
    long endTimeNanos) {}
