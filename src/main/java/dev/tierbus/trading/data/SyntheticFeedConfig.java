package dev.tierbus.trading.data;

import dev.tierbus.config.ParamReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * Parameters of a synthetic feed ({@code synthetic_feed}, and {@code data} with
 * {@code source: synthetic}).
 *
 * <pre>
 *   symbols      list of strings   [AAPL, GOOGL, MSFT]
 *   seed         integer           42       same seed, same series
 *   start_price  number > 0        100.0
 *   volatility   number >= 0       0.01     per-bar σ of log returns
 *   drift        number            0.0      per-bar μ
 *   timeframe    string            1min     see {@link Timeframe}
 *   start_time   ISO date-time     2024-01-02T14:30:00Z   open time of the first bar
 *   interval_ms  integer >= 0      100      wall-clock pause between bar rounds; 0 = as fast as possible
 *   max_bars     integer >= 0      0        bars per symbol, 0 = unlimited
 *   emit_ticks   boolean           false    also publish a TICK at each bar's close
 * </pre>
 */
public record SyntheticFeedConfig(
    List<String> symbols,
    long seed,
    double startPrice,
    double volatility,
    double drift,
    Timeframe timeframe,
    Instant startTime,
    long intervalMs,
    long maxBars,
    boolean emitTicks) {

  public static final List<String> DEFAULT_SYMBOLS = List.of("AAPL", "GOOGL", "MSFT");
  public static final long DEFAULT_SEED = 42;
  public static final double DEFAULT_START_PRICE = 100.0;
  public static final double DEFAULT_VOLATILITY = 0.01;
  public static final double DEFAULT_DRIFT = 0.0;
  public static final Timeframe DEFAULT_TIMEFRAME = Timeframe.ONE_MINUTE;
  public static final Instant DEFAULT_START_TIME = Instant.parse("2024-01-02T14:30:00Z");
  public static final long DEFAULT_INTERVAL_MS = 100;

  /** A config with every default. */
  public static SyntheticFeedConfig defaults() {
    return new SyntheticFeedConfig(DEFAULT_SYMBOLS, DEFAULT_SEED, DEFAULT_START_PRICE, DEFAULT_VOLATILITY,
        DEFAULT_DRIFT, DEFAULT_TIMEFRAME, DEFAULT_START_TIME, DEFAULT_INTERVAL_MS, 0, false);
  }

  /** Reads the parameters; problems go to {@code r}, bad values fall back to their defaults. */
  public static SyntheticFeedConfig read(ParamReader r) {
    List<String> symbols = r.strings("symbols", DEFAULT_SYMBOLS);
    if (symbols.size() != Set.copyOf(symbols).size()) {
      r.problem("symbols", "lists a symbol twice: " + symbols);
    }
    long seed = r.integer("seed", DEFAULT_SEED, Long.MIN_VALUE);
    double startPrice = r.numberAbove("start_price", DEFAULT_START_PRICE, 0.0);
    double volatility = r.number("volatility", DEFAULT_VOLATILITY, 0.0);
    double drift = r.number("drift", DEFAULT_DRIFT);
    Timeframe timeframe = DEFAULT_TIMEFRAME;
    String tf = r.string("timeframe", null);
    if (tf != null) {
      try {
        timeframe = Timeframe.parse(tf);
      } catch (IllegalArgumentException e) {
        r.problem("timeframe", e.getMessage());
      }
    }
    Instant startTime = DEFAULT_START_TIME;
    String start = r.string("start_time", null);
    if (start != null) {
      try {
        startTime = OffsetDateTime.parse(start).toInstant();
      } catch (DateTimeParseException e) {
        r.problem("start_time", "'" + start + "' is not an ISO date-time with offset, expected e.g. 2024-01-02T14:30:00Z");
      }
    }
    long intervalMs = r.integer("interval_ms", DEFAULT_INTERVAL_MS, 0);
    long maxBars = r.integer("max_bars", 0, 0);
    boolean emitTicks = r.bool("emit_ticks", false);
    return new SyntheticFeedConfig(symbols, seed, startPrice, volatility, drift, timeframe, startTime,
        intervalMs, maxBars, emitTicks);
  }
}
