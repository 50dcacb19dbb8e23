package dev.tierbus.loadtest;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.IndicatorValue;
import dev.tierbus.event.Tick;
import java.util.Map;

/** The synthetic events the cases publish: made in the publishing loop, as a source would. */
final class MarketData {

  static final String[] SYMBOLS = {"AAPL", "MSFT", "GOOG", "AMZN"};
  /** Event time of the first event (2024-01-02T14:30:00Z); event i is i ns later. */
  static final long EPOCH_NANOS = 1_704_205_800_000_000_000L;

  private static final Map<String, Double> RSI_PARAMS = Map.of("period", 14.0);
  private static final Map<String, Double> MACD_PARAMS = Map.of("fast", 12.0, "slow", 26.0, "signal", 9.0);

  private MarketData() {}

  /** Makes the i-th event of a source. */
  @FunctionalInterface
  interface Maker {
    Event make(String source, long i);
  }

  /** The i-th tick of {@code source}: symbols round-robin, prices in a small band. */
  static Event tick(String source, long i) {
    return Event.of(EventType.TICK, source, SYMBOLS[(int) (i & 3)], EPOCH_NANOS + i,
        new Tick(100.0 + (i & 1023) * 0.01, 1 + (i & 7)));
  }

  /** True when the i-th indicator event is an RSI (the others are MACD). */
  static boolean isRsi(long i) {
    return ((i >> 2) & 1) == 0;
  }

  /**
   * The i-th indicator value of {@code source}: symbols round-robin, RSI and MACD alternating
   * every four events, so each (symbol, RSI) pair gets one event in eight.
   */
  static Event indicator(String source, long i) {
    String symbol = SYMBOLS[(int) (i & 3)];
    IndicatorValue value = isRsi(i)
        ? new IndicatorValue("RSI", RSI_PARAMS, Map.of("value", 30.0 + (i & 63)), "1min")
        : new IndicatorValue("MACD", MACD_PARAMS, Map.of("macd", 0.5, "signal", 0.4, "histogram", 0.1), "1min");
    return Event.of(EventType.INDICATOR, source, symbol, EPOCH_NANOS + i, value);
  }
}
