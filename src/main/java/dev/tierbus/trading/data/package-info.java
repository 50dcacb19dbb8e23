/**
 * Market-data sources: the {@code synthetic_feed} and {@code data} containers and the
 * {@link dev.tierbus.trading.data.Timeframe} of a bar.
 *
 * <pre>
 *   synthetic (SyntheticFeedContainer):
 *     onSystemStarted ──► per round: RandomWalk(symbol).next() ──► BAR (and TICK) ──► router, fast tier
 *     paced by a periodic timer (interval_ms) or in chunks of 1000 bars per context turn (interval_ms: 0)
 *
 *   csv (MarketDataContainer):
 *     files ──► OhlcvCsvReader / TradeBarAggregator ──► ReplayCursor (k-way merge, loop) ──► TimeGroup(t)
 *           ──► ReplayGate(t, OPEN) ──► BAR_OPEN ──► ReplayGate(t, CLOSE) ──► TICK, BAR ──► router, fast tier
 * </pre>
 *
 * <p>The {@link dev.tierbus.trading.data.ReplayGate} is the seam a backtest clock plugs into
 * ({@link dev.tierbus.trading.data.MarketDataContainer#factory(ReplayGate)}); the built-in
 * gates ({@link dev.tierbus.trading.data.ReplayGates}) pace by wall time.
 */
package dev.tierbus.trading.data;
