package dev.tierbus.trading.strategy;

import dev.tierbus.event.Bar;
import dev.tierbus.event.Direction;
import dev.tierbus.event.Signal;
import dev.tierbus.trading.indicator.RollingWindow;
import dev.tierbus.trading.support.Decimals;
import dev.tierbus.trading.support.ParamReader;
import dev.tierbus.trading.support.SeriesMap;
import java.util.Set;

/**
 * Moving-average momentum: {@code strategy.type: momentum}.
 *
 * <pre>
 *   fast = SMA(close, fast_period)      slow = SMA(close, slow_period)
 *   m    = (fast − slow) / slow                         relative spread
 *   LONG  when m >  signal_threshold
 *   SHORT when m < −signal_threshold
 *   FLAT  otherwise
 *   strength = clamp(m / signal_threshold × 0.5, −1, 1) for LONG and SHORT, 0 for FLAT
 * </pre>
 * So a signal is born at strength ±0.5 on the threshold and saturates at ±1 at twice the
 * threshold. A FLAT signal has strength 0, as {@link Signal} requires the sign of the
 * strength to agree with the direction; the sub-threshold lean is in the reason.
 *
 * <p>One signal per bar once warmed up ({@code slow_period} bars of the series). Series are
 * per (symbol, timeframe). Parameters and defaults: {@code fast_period} 10,
 * {@code slow_period} 20 (greater than fast), {@code signal_threshold} 0.02 (> 0).
 */
public final class MomentumStrategy implements StrategyFunction {

  public static final String TYPE = "momentum";
  public static final int DEFAULT_FAST_PERIOD = 10;
  public static final int DEFAULT_SLOW_PERIOD = 20;
  public static final double DEFAULT_SIGNAL_THRESHOLD = 0.02;

  /** Reads {@code fast_period}, {@code slow_period}, {@code signal_threshold}. */
  public static final StrategyFactory FACTORY = new StrategyFactory() {
    @Override
    public Set<String> parameterNames() {
      return Set.of("fast_period", "slow_period", "signal_threshold");
    }

    @Override
    public StrategyFunction create(ParamReader r) {
      int fast = r.intValue("fast_period", DEFAULT_FAST_PERIOD, 1);
      int slow = r.intValue("slow_period", DEFAULT_SLOW_PERIOD, 1);
      double threshold = r.numberAbove("signal_threshold", DEFAULT_SIGNAL_THRESHOLD, 0.0);
      if (fast >= slow) {
        r.problem("fast_period", "must be less than slow_period (" + slow + "), was " + fast);
        return null;
      }
      return new MomentumStrategy(fast, slow, threshold);
    }
  };

  private final int fastPeriod;
  private final int slowPeriod;
  private final double threshold;
  private final SeriesMap<RollingWindow[]> series;
  private final String reasonPrefix;

  public MomentumStrategy(int fastPeriod, int slowPeriod, double signalThreshold) {
    if (fastPeriod < 1 || fastPeriod >= slowPeriod) {
      throw new IllegalArgumentException("need 1 <= fast_period < slow_period, was " + fastPeriod + ", " + slowPeriod);
    }
    if (!(signalThreshold > 0)) {
      throw new IllegalArgumentException("signal_threshold must be > 0, was " + signalThreshold);
    }
    this.fastPeriod = fastPeriod;
    this.slowPeriod = slowPeriod;
    this.threshold = signalThreshold;
    this.series = new SeriesMap<>(() -> new RollingWindow[] {new RollingWindow(fastPeriod), new RollingWindow(slowPeriod)});
    this.reasonPrefix = "SMA(" + fastPeriod + ") vs SMA(" + slowPeriod + "): ";
  }

  @Override
  public Signal onBar(Bar bar, String symbol) {
    RollingWindow[] w = series.get(symbol, bar.timeframe());
    w[0].add(bar.close());
    w[1].add(bar.close());
    if (!w[1].isFull()) {
      return null;
    }
    double fast = w[0].mean();
    double slow = w[1].mean();
    double spread = slow == 0.0 ? 0.0 : (fast - slow) / slow;
    Direction direction = spread > threshold ? Direction.LONG : spread < -threshold ? Direction.SHORT : Direction.FLAT;
    double strength = direction == Direction.FLAT ? 0.0 : clamp(spread / threshold * 0.5);
    StringBuilder reason = new StringBuilder(64).append(reasonPrefix);
    Decimals.append(reason, fast, 4).append(" vs ");
    Decimals.append(reason, slow, 4).append(", spread ");
    Decimals.appendSigned(reason, spread * 100, 3).append("% vs threshold ");
    Decimals.append(reason, threshold * 100, 3).append('%');
    return new Signal(direction, strength, reason.toString(), null);
  }

  static double clamp(double x) {
    return x > 1.0 ? 1.0 : x < -1.0 ? -1.0 : x;
  }

  @Override
  public String toString() {
    return TYPE + "(" + fastPeriod + "," + slowPeriod + "," + threshold + ")";
  }
}
