package dev.tierbus.router.impl;

import dev.tierbus.event.Event;
import dev.tierbus.event.Payload;
import dev.tierbus.router.Filter;
import java.util.HashSet;
import java.util.Set;

/**
 * A {@link Filter} prepared once at subscribe time: empty parts are skipped without a look,
 * sets are hash sets, and matching never allocates.
 */
final class CompiledFilter {

  private final Set<String> symbols;
  private final Set<String> indicatorTypes;
  private final Set<String> timeframes;
  private final Set<String> regimes;
  private final boolean acceptsAll;
  private final boolean needsPayload;

  CompiledFilter(Filter filter) {
    symbols = filter.symbols().isEmpty() ? null : new HashSet<>(filter.symbols());
    indicatorTypes = filter.indicatorTypes().isEmpty() ? null : new HashSet<>(filter.indicatorTypes());
    timeframes = filter.timeframes().isEmpty() ? null : new HashSet<>(filter.timeframes());
    regimes = filter.regimes().isEmpty() ? null : new HashSet<>(filter.regimes());
    needsPayload = indicatorTypes != null || timeframes != null || regimes != null;
    acceptsAll = symbols == null && !needsPayload;
  }

  boolean matches(Event event) {
    if (acceptsAll) {
      return true;
    }
    if (symbols != null) {
      String s = event.symbol();
      if (s == null || !symbols.contains(s)) {
        return false;
      }
    }
    if (!needsPayload) {
      return true;
    }
    Payload p = event.payload();
    return p != null
        && accepts(indicatorTypes, p.indicatorType())
        && accepts(timeframes, p.timeframe())
        && accepts(regimes, p.regime());
  }

  private static boolean accepts(Set<String> wanted, String actual) {
    return wanted == null || (actual != null && wanted.contains(actual));
  }
}
