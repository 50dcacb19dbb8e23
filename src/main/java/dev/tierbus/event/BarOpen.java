package dev.tierbus.event;

/**
 * The opening price of a bar, known when its period starts (payload of
 * {@link EventType#BAR_OPEN}); the event time is the bar's open time.
 *
 * <p>A replay publishes it before the {@link Bar} of the same period so that what happens at
 * the open (a market order filled at the next bar's open) happens before what is computed on
 * the close, and without revealing the rest of the bar.
 *
 * @param timeframe e.g. {@code 1min}, {@code 1D}
 * @param open the first price of the period
 */
public record BarOpen(String timeframe, double open) implements Payload {}
