package dev.tierbus.trading.indicator;

import dev.tierbus.config.ParamReader;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The indicator types an indicator container knows, by upper-case name.
 *
 * <p>{@link #builtIn()} has {@code RSI}, {@code MACD}, {@code BOLLINGER}, {@code SMA},
 * {@code EMA} and {@code ATR}; {@link #register} adds more (e.g. a user's own).
 * Register before building containers; lookups are not synchronised.
 */
public final class IndicatorTypes {

  private final Map<String, IndicatorFactory> factories = new TreeMap<>();

  private IndicatorTypes() {}

  /** An empty set of types. */
  public static IndicatorTypes empty() {
    return new IndicatorTypes();
  }

  /** RSI, MACD, BOLLINGER, SMA, EMA and ATR with their default parameters. */
  public static IndicatorTypes builtIn() {
    IndicatorTypes types = new IndicatorTypes();
    types.register(RsiIndicator.NAME, periodOnly(RsiIndicator.DEFAULT_PERIOD, RsiIndicator::new));
    types.register(SmaIndicator.NAME, periodOnly(SmaIndicator.DEFAULT_PERIOD, SmaIndicator::new));
    types.register(EmaIndicator.NAME, periodOnly(EmaIndicator.DEFAULT_PERIOD, EmaIndicator::new));
    types.register(AtrIndicator.NAME, periodOnly(AtrIndicator.DEFAULT_PERIOD, AtrIndicator::new));
    types.register(MacdIndicator.NAME, new IndicatorFactory() {
      @Override
      public Set<String> parameterNames() {
        return Set.of("fast", "slow", "signal");
      }

      @Override
      public Supplier<Indicator> configure(ParamReader r) {
        int fast = r.intValue("fast", MacdIndicator.DEFAULT_FAST, 1);
        int slow = r.intValue("slow", MacdIndicator.DEFAULT_SLOW, 1);
        int signal = r.intValue("signal", MacdIndicator.DEFAULT_SIGNAL, 1);
        if (fast >= slow) {
          r.problem("fast", "must be less than slow (" + slow + "), was " + fast);
          return null;
        }
        return () -> new MacdIndicator(fast, slow, signal);
      }
    });
    types.register(BollingerBandsIndicator.NAME, new IndicatorFactory() {
      @Override
      public Set<String> parameterNames() {
        return Set.of("period", "k");
      }

      @Override
      public Supplier<Indicator> configure(ParamReader r) {
        int period = r.intValue("period", BollingerBandsIndicator.DEFAULT_PERIOD, 1);
        double k = r.numberAbove("k", BollingerBandsIndicator.DEFAULT_K, 0.0);
        return () -> new BollingerBandsIndicator(period, k);
      }
    });
    return types;
  }

  /** A factory for a type whose only parameter is {@code period} (at least 1). */
  public static IndicatorFactory periodOnly(int defaultPeriod, Function<Integer, Indicator> maker) {
    return new IndicatorFactory() {
      @Override
      public Set<String> parameterNames() {
        return Set.of("period");
      }

      @Override
      public Supplier<Indicator> configure(ParamReader r) {
        int period = r.intValue("period", defaultPeriod, 1);
        return () -> maker.apply(period);
      }
    };
  }

  /** Adds or replaces a type; the name is matched case-insensitively. */
  public IndicatorTypes register(String name, IndicatorFactory factory) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(factory, "factory");
    factories.put(name.toUpperCase(Locale.ROOT), factory);
    return this;
  }

  /** The factory of {@code name} (any case), or null. */
  public IndicatorFactory get(String name) {
    return name == null ? null : factories.get(name.toUpperCase(Locale.ROOT));
  }

  /** The known type names, sorted. */
  public Set<String> names() {
    return factories.keySet();
  }
}
