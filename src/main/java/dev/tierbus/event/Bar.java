package dev.tierbus.event;

/**
 * An OHLCV bar (payload of {@link EventType#BAR}); the event time is the bar's open time.
 *
 * @param timeframe e.g. {@code 1min}, {@code 1D}
 */
public record Bar(String timeframe, double open, double high, double low, double close, double volume)
    implements Payload {}
