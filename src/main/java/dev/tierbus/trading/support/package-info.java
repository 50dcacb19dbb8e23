/**
 * Small pieces the trading containers share: per-(symbol, timeframe) state
 * ({@link dev.tierbus.trading.support.SeriesMap}), cheap number formatting for signal reasons
 * ({@link dev.tierbus.trading.support.Decimals}), publish-failure and instance-stamp helpers.
 * Their parameters are read with {@link dev.tierbus.config.ParamReader}. Nothing here knows a
 * container type.
 */
package dev.tierbus.trading.support;
