package dev.tierbus.trading.strategy;

import dev.tierbus.config.ParamReader;
import java.util.Set;

/** Makes a {@link StrategyFunction} of one {@code strategy.type} from its parameters. */
public interface StrategyFactory {

  /** Parameter names the type accepts under {@code strategy} (besides {@code type}). */
  Set<String> parameterNames();

  /**
   * Reads the parameters (defaults for absent ones, problems recorded on {@code params}) and
   * returns a new function with its own state, or null when the parameters are unusable.
   */
  StrategyFunction create(ParamReader params);
}
