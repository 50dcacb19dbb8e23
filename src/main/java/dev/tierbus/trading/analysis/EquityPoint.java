package dev.tierbus.trading.analysis;

/**
 * One point of the mark-to-market equity curve: the account at the end of a bar time.
 *
 * @param timeNanos the bar time (the bars' open time, as the data publishes them)
 * @param equity cash + Σ position × close
 * @param invested true when some position was open
 */
public record EquityPoint(long timeNanos, double equity, boolean invested) {}
