package dev.tierbus.event;

/**
 * A summary of a run's performance so far (payload of {@link EventType#ANALYSIS_REPORT}).
 *
 * <p>Ratios are fractions ({@code 0.12} is 12 %); a value that is not defined yet (a Sharpe
 * ratio from fewer than two daily returns, a win rate without closed trades) is NaN. The trades
 * and the equity curve themselves are not carried: the analysis container hands them out and the
 * report writer puts them on disk.
 *
 * @param finalReport true for the report at the end of the run, false for a periodic one
 * @param equityPoints points of the equity curve so far (one per bar time)
 * @param startEquity the first point's equity
 * @param endEquity the last point's equity
 * @param totalReturn endEquity / startEquity - 1
 * @param cagr compound annual growth rate over the calendar time of the curve
 * @param sharpe annualized Sharpe ratio of daily returns
 * @param sortino annualized Sortino ratio of daily returns
 * @param maxDrawdown largest fall from a peak, as a positive fraction of the peak
 * @param tradeCount closed round trips
 * @param openTrades round trips still open
 * @param winRate share of closed round trips with a positive P&amp;L
 * @param exposure share of equity points with a position
 */
public record AnalysisReport(
    boolean finalReport,
    long equityPoints,
    double startEquity,
    double endEquity,
    double totalReturn,
    double cagr,
    double sharpe,
    double sortino,
    double maxDrawdown,
    long tradeCount,
    long openTrades,
    double winRate,
    double exposure) implements Payload {}
