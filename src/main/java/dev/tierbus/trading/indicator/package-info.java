/**
 * Technical indicators and the {@code indicator} container.
 *
 * <pre>
 *   BAR ──► IndicatorContainer ──► per (symbol, timeframe): Indicator[] ──► INDICATOR (IndicatorValue)
 *                                     RsiIndicator, MacdIndicator, BollingerBandsIndicator, SmaIndicator, EmaIndicator, AtrIndicator
 *                                     built from RollingWindow (SMA, population std) and ExponentialAverage (SMA-seeded EMA)
 * </pre>
 *
 * <p>One small class per indicator, O(1) per bar, no value before warm-up, the formula in its
 * Javadoc. New types plug in through {@link dev.tierbus.trading.indicator.IndicatorTypes}.
 */
package dev.tierbus.trading.indicator;
