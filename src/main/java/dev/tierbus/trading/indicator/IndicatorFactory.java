package dev.tierbus.trading.indicator;

import dev.tierbus.config.ParamReader;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Makes the indicators of one type from an {@code indicators[i]} entry of an indicator
 * container.
 */
public interface IndicatorFactory {

  /** Parameter names the type accepts (besides {@code type}). */
  Set<String> parameterNames();

  /**
   * Reads the entry's parameters (defaults for absent ones, problems recorded on
   * {@code params}) and returns a maker of fresh instances, one per series.
   */
  Supplier<Indicator> configure(ParamReader params);
}
