package dev.tierbus.loadtest.jmh;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.IndicatorValue;
import dev.tierbus.router.Filter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Subscription filter matching ({@link Filter#matches}, the contract the router's compiled
 * form implements) for the standard-tier case's filter, symbol + indicator type: an event that
 * passes both, one rejected on the symbol, one rejected on the indicator type, and the empty
 * filter.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FilterBenchmark {

  private Filter symbolAndRsi;
  private Event match;
  private Event otherSymbol;
  private Event otherIndicator;

  @Setup
  public void setUp() {
    symbolAndRsi = Filter.symbols("AAPL", "MSFT").withIndicatorTypes("RSI");
    // symbols as a feed would make them (not the interned literals), so equals() does the work
    String aapl = new String("AAPL");
    String goog = new String("GOOG");
    match = Event.of(EventType.INDICATOR, "ind", aapl, 1,
        new IndicatorValue("RSI", Map.of("period", 14.0), Map.of("value", 55.0), "1min"));
    otherSymbol = Event.of(EventType.INDICATOR, "ind", goog, 1,
        new IndicatorValue("RSI", Map.of("period", 14.0), Map.of("value", 55.0), "1min"));
    otherIndicator = Event.of(EventType.INDICATOR, "ind", aapl, 1,
        new IndicatorValue("MACD", Map.of(), Map.of("macd", 0.5), "1min"));
  }

  @Benchmark
  public boolean matchingEvent() {
    return symbolAndRsi.matches(match);
  }

  @Benchmark
  public boolean rejectedOnSymbol() {
    return symbolAndRsi.matches(otherSymbol);
  }

  @Benchmark
  public boolean rejectedOnIndicator() {
    return symbolAndRsi.matches(otherIndicator);
  }

  @Benchmark
  public boolean emptyFilter() {
    return Filter.NONE.matches(match);
  }
}
