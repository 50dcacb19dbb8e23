package dev.tierbus.trading.portfolio;

import dev.tierbus.config.ParamReader;

/**
 * Parameters of a {@code portfolio} container.
 *
 * <pre>
 *   initial_capital   number > 0   100000   cash at the start (give risk the same figure)
 * </pre>
 */
public record PortfolioConfig(double initialCapital) {

  public static final double DEFAULT_INITIAL_CAPITAL = 100_000.0;

  public PortfolioConfig {
    if (!(initialCapital > 0) || !Double.isFinite(initialCapital)) {
      throw new IllegalArgumentException("initial_capital must be > 0, was " + initialCapital);
    }
  }

  public static PortfolioConfig read(ParamReader r) {
    return new PortfolioConfig(r.numberAbove("initial_capital", DEFAULT_INITIAL_CAPITAL, 0.0));
  }
}
