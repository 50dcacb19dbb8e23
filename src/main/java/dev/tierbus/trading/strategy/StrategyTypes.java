package dev.tierbus.trading.strategy;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps {@code strategy.type} names to {@link StrategyFactory factories}.
 *
 * <p>{@link #builtIn()} has {@code momentum} ({@link MomentumStrategy}),
 * {@code mean_reversion} ({@link MeanReversionStrategy}) and {@code breakout}
 * ({@link BreakoutStrategy}). Register more before building
 * containers; lookups are not synchronised.
 */
public final class StrategyTypes {

  private final Map<String, StrategyFactory> factories = new TreeMap<>();

  private StrategyTypes() {}

  public static StrategyTypes empty() {
    return new StrategyTypes();
  }

  /** The built-in strategies: momentum, mean_reversion and breakout. */
  public static StrategyTypes builtIn() {
    return new StrategyTypes()
        .register(MomentumStrategy.TYPE, MomentumStrategy.FACTORY)
        .register(MeanReversionStrategy.TYPE, MeanReversionStrategy.FACTORY)
        .register(BreakoutStrategy.TYPE, BreakoutStrategy.FACTORY);
  }

  /** Adds or replaces a type (names are case-sensitive, as in the topology file). */
  public StrategyTypes register(String type, StrategyFactory factory) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(factory, "factory");
    if (type.isBlank()) {
      throw new IllegalArgumentException("type must not be blank");
    }
    factories.put(type, factory);
    return this;
  }

  /** The factory of {@code type}, or null. */
  public StrategyFactory get(String type) {
    return type == null ? null : factories.get(type);
  }

  /** The known types, sorted. */
  public Set<String> names() {
    return factories.keySet();
  }
}
