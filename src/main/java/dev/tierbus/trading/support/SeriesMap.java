package dev.tierbus.trading.support;

import java.util.HashMap;
import java.util.function.Supplier;

/**
 * Per-series state, keyed by (symbol, timeframe) without building a key object per lookup.
 *
 * <p>Bars of one symbol in two timeframes ({@code 1min} and {@code 5min}) are two series
 * and must never share rolling state. A null timeframe is a series of its own. Not
 * thread-safe: a container uses it from its own context only.
 *
 * @param <S> the state kept per series
 */
public final class SeriesMap<S> {

  private final HashMap<String, HashMap<String, S>> bySymbol = new HashMap<>();
  private final Supplier<S> initial;
  private int size;

  /** @param initial makes the state of a series seen for the first time */
  public SeriesMap(Supplier<S> initial) {
    this.initial = initial;
  }

  /** The state of (symbol, timeframe), created on first use. */
  public S get(String symbol, String timeframe) {
    HashMap<String, S> byTimeframe = bySymbol.get(symbol);
    if (byTimeframe == null) {
      byTimeframe = new HashMap<>(4);
      bySymbol.put(symbol, byTimeframe);
    }
    S state = byTimeframe.get(timeframe);
    if (state == null) {
      state = initial.get();
      byTimeframe.put(timeframe, state);
      size++;
    }
    return state;
  }

  /** Number of series seen. */
  public int size() {
    return size;
  }
}
