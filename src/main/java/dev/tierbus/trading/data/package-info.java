/**
 * Market-data sources: the {@code synthetic_feed} and {@code data} containers and the
 * {@link dev.tierbus.trading.data.Timeframe} of a bar.
 *
 * <pre>
 *   onSystemStarted ──► per round: RandomWalk(symbol).next() ──► BAR (and TICK) ──► router, fast tier
 *   paced by a periodic timer (interval_ms) or in chunks of 1000 bars per context turn (interval_ms: 0)
 * </pre>
 */
package dev.tierbus.trading.data;
