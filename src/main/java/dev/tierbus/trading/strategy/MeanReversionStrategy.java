package dev.tierbus.trading.strategy;

import dev.tierbus.config.ParamReader;
import dev.tierbus.event.Bar;
import dev.tierbus.event.Direction;
import dev.tierbus.event.Signal;
import dev.tierbus.trading.indicator.RollingWindow;
import dev.tierbus.trading.support.Decimals;
import dev.tierbus.trading.support.SeriesMap;
import java.util.Set;

/**
 * Z-score mean reversion: {@code strategy.type: mean_reversion}.
 *
 * <pre>
 *   z = (close − SMA(close, n)) / σ(close, n)      σ: population std of the last n closes (this bar included)
 *   LONG  when z < −std_threshold                  (stretched below the mean: expect a bounce)
 *   SHORT when z >  std_threshold
 *   FLAT  otherwise, and when σ = 0
 *   strength = clamp(−z / (2 × std_threshold), −1, 1) for LONG and SHORT, 0 for FLAT
 * </pre>
 * So a signal is born at ±0.5 on the threshold and saturates at twice the threshold; FLAT has
 * strength 0 as {@link Signal} requires. One signal per bar once warmed up
 * ({@code lookback_period} bars of the series); series are per (symbol, timeframe).
 * Parameters and defaults: {@code lookback_period} 20 (>= 2), {@code std_threshold} 2.0 (> 0).
 */
public final class MeanReversionStrategy implements StrategyFunction {

  public static final String TYPE = "mean_reversion";
  public static final int DEFAULT_LOOKBACK_PERIOD = 20;
  public static final double DEFAULT_STD_THRESHOLD = 2.0;

  /** Reads {@code lookback_period}, {@code std_threshold}. */
  public static final StrategyFactory FACTORY = new StrategyFactory() {
    @Override
    public Set<String> parameterNames() {
      return Set.of("lookback_period", "std_threshold");
    }

    @Override
    public StrategyFunction create(ParamReader r) {
      int lookback = r.intValue("lookback_period", DEFAULT_LOOKBACK_PERIOD, 2);
      double threshold = r.numberAbove("std_threshold", DEFAULT_STD_THRESHOLD, 0.0);
      return new MeanReversionStrategy(lookback, threshold);
    }
  };

  private final int lookback;
  private final double threshold;
  private final SeriesMap<RollingWindow> series;
  private final String reasonPrefix;

  public MeanReversionStrategy(int lookbackPeriod, double stdThreshold) {
    if (lookbackPeriod < 2) {
      throw new IllegalArgumentException("lookback_period must be >= 2, was " + lookbackPeriod);
    }
    if (!(stdThreshold > 0)) {
      throw new IllegalArgumentException("std_threshold must be > 0, was " + stdThreshold);
    }
    this.lookback = lookbackPeriod;
    this.threshold = stdThreshold;
    this.series = new SeriesMap<>(() -> new RollingWindow(lookbackPeriod));
    this.reasonPrefix = "z-score over " + lookbackPeriod + " bars ";
  }

  @Override
  public Signal onBar(Bar bar, String symbol) {
    RollingWindow w = series.get(symbol, bar.timeframe());
    w.add(bar.close());
    if (!w.isFull()) {
      return null;
    }
    double std = w.std();
    double z = std == 0.0 ? 0.0 : (bar.close() - w.mean()) / std;
    Direction direction = z < -threshold ? Direction.LONG : z > threshold ? Direction.SHORT : Direction.FLAT;
    double strength = direction == Direction.FLAT ? 0.0 : MomentumStrategy.clamp(-z / (2 * threshold));
    StringBuilder reason = new StringBuilder(64).append(reasonPrefix);
    Decimals.appendSigned(reason, z, 3).append(" vs threshold ");
    Decimals.append(reason, threshold, 3).append(" (close ");
    Decimals.append(reason, bar.close(), 4).append(", mean ");
    Decimals.append(reason, w.mean(), 4).append(')');
    return new Signal(direction, strength, reason.toString(), null);
  }

  @Override
  public String toString() {
    return TYPE + "(" + lookback + "," + threshold + ")";
  }
}
