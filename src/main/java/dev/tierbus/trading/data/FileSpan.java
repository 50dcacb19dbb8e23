package dev.tierbus.trading.data;

/**
 * The stretch of market time one replayed file covers: the times of its first and last bar.
 *
 * @param symbol the file's symbol
 * @param path the file as configured
 * @param firstNanos open time of its first bar (ns since the epoch)
 * @param lastNanos open time of its last bar
 */
public record FileSpan(String symbol, String path, long firstNanos, long lastNanos) {}
