package dev.tierbus.event;

import java.util.Map;
import java.util.Objects;

/**
 * A computed indicator (payload of {@link EventType#INDICATOR}).
 *
 * @param name indicator type, e.g. {@code RSI}, {@code MACD}, {@code BOLLINGER}
 * @param params its parameters, e.g. {@code period=14}
 * @param values its outputs, e.g. {@code value}, or {@code macd/signal/histogram}
 * @param timeframe timeframe of the bars it was computed on
 */
public record IndicatorValue(String name, Map<String, Double> params, Map<String, Double> values, String timeframe)
    implements Payload {

  public IndicatorValue {
    Objects.requireNonNull(name, "name");
    params = params == null ? Map.of() : Map.copyOf(params);
    values = values == null ? Map.of() : Map.copyOf(values);
  }

  @Override
  public String indicatorType() {
    return name;
  }

  /** The output named {@code key}, or NaN when absent. */
  public double value(String key) {
    Double v = values.get(key);
    return v == null ? Double.NaN : v;
  }
}
