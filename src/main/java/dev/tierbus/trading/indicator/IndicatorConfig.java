package dev.tierbus.trading.indicator;

import dev.tierbus.config.ParamReader;
import dev.tierbus.config.ValueText;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Parameters of an {@code indicator} container: which indicators to compute on every series.
 *
 * <pre>
 *   indicators:                    default [RSI, MACD, BOLLINGER]
 *     - RSI                        a type name alone takes the defaults
 *     - {type: RSI, period: 14}
 *     - {type: MACD, fast: 12, slow: 26, signal: 9}
 *     - {type: BOLLINGER, period: 20, k: 2.0}
 *     - {type: SMA, period: 20}
 *     - {type: EMA, period: 20}
 *     - {type: ATR, period: 14}
 * </pre>
 * An unknown type, an unknown parameter of a type (or one of another type), a bad value or
 * the same indicator twice is a problem naming its entry ({@code indicators[2].period}).
 * {@link IndicatorFactory#parameterNames()} declares a type's parameters.
 *
 * @param indicators one maker per configured indicator, in order
 */
public record IndicatorConfig(List<Supplier<Indicator>> indicators) {

  /** The indicators computed when the parameter is absent. */
  public static final List<String> DEFAULT_INDICATORS = List.of("RSI", "MACD", "BOLLINGER");

  public IndicatorConfig {
    indicators = List.copyOf(indicators);
  }

  /** Reads {@code indicators} with the built-in types. */
  public static IndicatorConfig read(ParamReader r) {
    return read(r, IndicatorTypes.builtIn());
  }

  /** Reads {@code indicators} with the given types; problems go to {@code r}. */
  public static IndicatorConfig read(ParamReader r, IndicatorTypes types) {
    JsonArray entries = r.array("indicators");
    if (entries == null) {
      entries = new JsonArray(new ArrayList<>(DEFAULT_INDICATORS));
    } else if (entries.isEmpty()) {
      r.problem("indicators", "must not be empty, expected a list of indicator types such as RSI, MACD, BOLLINGER");
    }
    List<Supplier<Indicator>> makers = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      String key = "indicators[" + i + "]";
      Object entry = entries.getValue(i);
      JsonObject json;
      if (entry instanceof String s) {
        json = new JsonObject().put("type", s);
      } else if (entry instanceof JsonObject o) {
        json = o;
      } else {
        r.problem(key, "expected an indicator type or an object with a type, was " + ValueText.literal(entry));
        continue;
      }
      ParamReader er = r.child(key, json);
      String type = er.requiredString("type");
      if (type == null) {
        er.ignoreUnreadKeys();
        continue;
      }
      IndicatorFactory factory = types.get(type);
      if (factory == null) {
        er.problem("type", "unknown indicator '" + type + "', expected one of " + types.names());
        er.ignoreUnreadKeys();
        continue;
      }
      er.describedAs("indicator " + type).declare(factory.parameterNames());
      for (String other : types.names()) {
        er.usedOnlyWith(types.get(other).parameterNames(), "type", other);
      }
      int before = er.problems().size();
      Supplier<Indicator> maker = factory.configure(er);
      if (maker == null || er.problems().size() > before) {
        continue;
      }
      String description = maker.get().toString();
      if (!seen.add(description)) {
        r.problem(key, description + " is configured twice");
        continue;
      }
      makers.add(maker);
    }
    return new IndicatorConfig(makers);
  }

  /** A fresh set of indicators for one series, in configured order. */
  public Indicator[] newSeries() {
    Indicator[] out = new Indicator[indicators.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = indicators.get(i).get();
    }
    return out;
  }
}
