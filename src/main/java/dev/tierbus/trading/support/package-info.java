/**
 * Small pieces the trading containers share: reading and validating parameters
 * ({@link dev.tierbus.trading.support.ParamReader},
 * {@link dev.tierbus.trading.support.ValidatingFactory}), per-(symbol, timeframe) state
 * ({@link dev.tierbus.trading.support.SeriesMap}) and cheap number formatting for signal
 * reasons ({@link dev.tierbus.trading.support.Decimals}). Nothing here knows a container type.
 */
package dev.tierbus.trading.support;
