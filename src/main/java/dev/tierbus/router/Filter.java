package dev.tierbus.router;

import dev.tierbus.event.Event;
import dev.tierbus.event.Payload;
import java.util.Set;

/**
 * What a subscription wants beyond its source and event types: each non-empty set must
 * contain the event's attribute, an empty set accepts everything.
 *
 * <p>A filter on an attribute the event does not carry (e.g. {@code timeframes} on a TICK)
 * does not match it. Filters are compiled once when subscribing ({@link #matches} is the
 * compiled form's contract); matching never allocates.
 *
 * @param symbols event symbols
 * @param indicatorTypes {@link Payload#indicatorType()}, e.g. {@code RSI}
 * @param timeframes {@link Payload#timeframe()}, e.g. {@code 1min}
 * @param regimes {@link Payload#regime()}, e.g. {@code bull}
 */
public record Filter(Set<String> symbols, Set<String> indicatorTypes, Set<String> timeframes, Set<String> regimes) {

  /** A filter that accepts every event. */
  public static final Filter NONE = new Filter(Set.of(), Set.of(), Set.of(), Set.of());

  public Filter {
    symbols = symbols == null ? Set.of() : Set.copyOf(symbols);
    indicatorTypes = indicatorTypes == null ? Set.of() : Set.copyOf(indicatorTypes);
    timeframes = timeframes == null ? Set.of() : Set.copyOf(timeframes);
    regimes = regimes == null ? Set.of() : Set.copyOf(regimes);
  }

  public static Filter symbols(String... symbols) {
    return new Filter(Set.of(symbols), null, null, null);
  }

  public Filter withIndicatorTypes(String... types) {
    return new Filter(symbols, Set.of(types), timeframes, regimes);
  }

  public Filter withTimeframes(String... values) {
    return new Filter(symbols, indicatorTypes, Set.of(values), regimes);
  }

  public Filter withRegimes(String... values) {
    return new Filter(symbols, indicatorTypes, timeframes, Set.of(values));
  }

  /** True when this filter accepts everything. */
  public boolean isEmpty() {
    return symbols.isEmpty() && indicatorTypes.isEmpty() && timeframes.isEmpty() && regimes.isEmpty();
  }

  /** True when the event passes every non-empty part of this filter. */
  public boolean matches(Event event) {
    if (!symbols.isEmpty() && (event.symbol() == null || !symbols.contains(event.symbol()))) {
      return false;
    }
    if (indicatorTypes.isEmpty() && timeframes.isEmpty() && regimes.isEmpty()) {
      return true;
    }
    Payload p = event.payload();
    if (p == null) {
      return false;
    }
    return accepts(indicatorTypes, p.indicatorType())
        && accepts(timeframes, p.timeframe())
        && accepts(regimes, p.regime());
  }

  private static boolean accepts(Set<String> wanted, String actual) {
    return wanted.isEmpty() || (actual != null && wanted.contains(actual));
  }
}
