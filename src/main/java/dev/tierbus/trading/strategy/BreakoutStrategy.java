package dev.tierbus.trading.strategy;

import dev.tierbus.config.ParamReader;
import dev.tierbus.event.Bar;
import dev.tierbus.event.Direction;
import dev.tierbus.event.Signal;
import dev.tierbus.trading.indicator.RollingExtremes;
import dev.tierbus.trading.indicator.RollingWindow;
import dev.tierbus.trading.support.Decimals;
import dev.tierbus.trading.support.SeriesMap;
import java.util.Set;

/**
 * Channel breakout confirmed by volume: {@code strategy.type: breakout}. A breakout is an event.
 *
 * <pre>
 *   over the previous N bars (this bar not included):  H = highest high, L = lowest low, V = mean volume
 *   LONG  (strength +1) on a bar with close &gt; H and volume ≥ volume_threshold · V
 *   SHORT (strength −1) on a bar with close &lt; L and volume ≥ volume_threshold · V
 *   nothing otherwise
 * </pre>
 * The first possible signal is at bar index N (N previous bars exist). Series are per
 * (symbol, timeframe); O(1) amortised per bar. Parameters and defaults:
 * {@code breakout_period} N = 20 (>= 1), {@code volume_threshold} 1.5 (>= 0; 0 ignores volume).
 */
public final class BreakoutStrategy implements StrategyFunction {

  public static final String TYPE = "breakout";
  public static final int DEFAULT_BREAKOUT_PERIOD = 20;
  public static final double DEFAULT_VOLUME_THRESHOLD = 1.5;

  /** Reads {@code breakout_period}, {@code volume_threshold}. */
  public static final StrategyFactory FACTORY = new StrategyFactory() {
    @Override
    public Set<String> parameterNames() {
      return Set.of("breakout_period", "volume_threshold");
    }

    @Override
    public StrategyFunction create(ParamReader r) {
      int period = r.intValue("breakout_period", DEFAULT_BREAKOUT_PERIOD, 1);
      double volume = r.number("volume_threshold", DEFAULT_VOLUME_THRESHOLD, 0.0);
      return new BreakoutStrategy(period, volume);
    }
  };

  /** The previous N bars of one series. */
  private static final class Series {
    final RollingExtremes highs;
    final RollingExtremes lows;
    final RollingWindow volumes;

    Series(int n) {
      this.highs = new RollingExtremes(n);
      this.lows = new RollingExtremes(n);
      this.volumes = new RollingWindow(n);
    }
  }

  private final int period;
  private final double volumeThreshold;
  private final SeriesMap<Series> series;

  public BreakoutStrategy(int breakoutPeriod, double volumeThreshold) {
    if (breakoutPeriod < 1) {
      throw new IllegalArgumentException("breakout_period must be >= 1, was " + breakoutPeriod);
    }
    if (!(volumeThreshold >= 0) || Double.isInfinite(volumeThreshold)) {
      throw new IllegalArgumentException("volume_threshold must be a finite number >= 0, was " + volumeThreshold);
    }
    this.period = breakoutPeriod;
    this.volumeThreshold = volumeThreshold;
    this.series = new SeriesMap<>(() -> new Series(breakoutPeriod));
  }

  @Override
  public Signal onBar(Bar bar, String symbol) {
    Series s = series.get(symbol, bar.timeframe());
    Signal signal = null;
    if (s.highs.isFull()) {
      double high = s.highs.max();
      double low = s.lows.min();
      double avgVolume = s.volumes.mean();
      boolean volumeOk = bar.volume() >= volumeThreshold * avgVolume;
      if (volumeOk && bar.close() > high) {
        signal = signal(Direction.LONG, 1.0, "above the " + period + "-bar high ", bar, high, avgVolume);
      } else if (volumeOk && bar.close() < low) {
        signal = signal(Direction.SHORT, -1.0, "below the " + period + "-bar low ", bar, low, avgVolume);
      }
    }
    s.highs.add(bar.high());
    s.lows.add(bar.low());
    s.volumes.add(bar.volume());
    return signal;
  }

  private Signal signal(Direction direction, double strength, String what, Bar bar, double level, double avgVolume) {
    StringBuilder reason = new StringBuilder(96).append("close ");
    Decimals.append(reason, bar.close(), 4).append(' ').append(what);
    Decimals.append(reason, level, 4).append(" on volume ");
    Decimals.append(reason, avgVolume == 0 ? 0 : bar.volume() / avgVolume, 2).append("x the average (threshold ");
    Decimals.append(reason, volumeThreshold, 2).append("x)");
    return new Signal(direction, strength, reason.toString(), null);
  }

  @Override
  public String toString() {
    return TYPE + "(" + period + "," + volumeThreshold + ")";
  }
}
