/**
 * Strategies: a strategy is a {@link dev.tierbus.trading.strategy.StrategyFunction} (bar in,
 * signal out), run by a {@link dev.tierbus.trading.strategy.StrategyContainer}.
 *
 * <pre>
 *   strategy: {type: momentum, fast_period: 10, slow_period: 20, signal_threshold: 0.02}
 *        │
 *        └─ StrategyTypes ──► MomentumStrategy / MeanReversionStrategy / BreakoutStrategy / a user's function
 *
 *   BAR, INDICATOR ──► StrategyContainer ──► function.onBar / onIndicator ──► SIGNAL
 *                                              ──► parent ensemble (internal bus) or router
 * </pre>
 */
package dev.tierbus.trading.strategy;
