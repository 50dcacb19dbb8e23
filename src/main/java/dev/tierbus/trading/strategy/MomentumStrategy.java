package dev.tierbus.trading.strategy;

import dev.tierbus.config.ParamReader;
import dev.tierbus.event.Bar;
import dev.tierbus.event.Direction;
import dev.tierbus.event.Signal;
import dev.tierbus.trading.indicator.RollingWindow;
import dev.tierbus.trading.support.Decimals;
import dev.tierbus.trading.support.SeriesMap;
import java.util.Locale;
import java.util.Set;

/**
 * Moving-average crossover: {@code strategy.type: momentum}. A crossover is an event, not a state.
 *
 * <pre>
 *   fast = SMA(close, fast_period)      slow = SMA(close, slow_period)      gap = (fast − slow) / slow
 *   above: the series is "above" once gap &gt; signal_threshold, and "not above" once gap ≤ −signal_threshold;
 *          in between it keeps its state (a hysteresis band). With signal_threshold 0:
 *          above ⇔ fast &gt; slow, exactly.
 *   LONG (strength +1)    on the bar where the series becomes above
 *   exit                  on the bar where it goes from above to not above:
 *                         SHORT (strength −1) with exit_signal: short (the default, long/short),
 *                         FLAT (strength 0) with exit_signal: flat (long only)
 * </pre>
 * The first bar at which both SMAs exist sets the state without a signal (there was no
 * previous bar to cross from); the first possible signal is the bar after it, bar index
 * {@code slow_period}. At its first bar the state is "above" when fast &gt; slow.
 *
 * <p>With {@code emit: every_bar} the strategy also reports its standing position on every
 * bar from the first one with both SMAs (LONG while above, the exit direction while not
 * above), with the crossing bars the same as above: what an ensemble that votes on every bar
 * ({@code require_all_signals}) needs. The reason says whether the bar crossed.
 *
 * <p>Series are per (symbol, timeframe). Parameters and defaults: {@code fast_period} 10,
 * {@code slow_period} 20 (greater than fast), {@code signal_threshold} 0 (>= 0, a relative
 * gap: 0.02 is 2 %), {@code exit_signal} short, {@code emit} crossover.
 */
public final class MomentumStrategy implements StrategyFunction {

  public static final String TYPE = "momentum";
  public static final int DEFAULT_FAST_PERIOD = 10;
  public static final int DEFAULT_SLOW_PERIOD = 20;
  public static final double DEFAULT_SIGNAL_THRESHOLD = 0.0;

  /** What the strategy says when the fast average falls back ({@code exit_signal}). */
  public enum Exit {
    /** Go short: a long/short crossover system, always in the market after the first cross. */
    SHORT(Direction.SHORT, -1.0),
    /** Go flat: a long-only system. */
    FLAT(Direction.FLAT, 0.0);

    final Direction direction;
    final double strength;

    Exit(Direction direction, double strength) {
      this.direction = direction;
      this.strength = strength;
    }

    static Exit fromName(String name) {
      return switch (name.trim().toLowerCase(Locale.ROOT)) {
        case "short" -> SHORT;
        case "flat" -> FLAT;
        default -> throw new IllegalArgumentException("'" + name + "' is not an exit signal, expected short or flat");
      };
    }
  }

  /** Reads {@code fast_period}, {@code slow_period}, {@code signal_threshold}, {@code exit_signal}, {@code emit}. */
  public static final StrategyFactory FACTORY = new StrategyFactory() {
    @Override
    public Set<String> parameterNames() {
      return Set.of("fast_period", "slow_period", "signal_threshold", "exit_signal", "emit");
    }

    @Override
    public StrategyFunction create(ParamReader r) {
      int fast = r.intValue("fast_period", DEFAULT_FAST_PERIOD, 1);
      int slow = r.intValue("slow_period", DEFAULT_SLOW_PERIOD, 1);
      double threshold = r.number("signal_threshold", DEFAULT_SIGNAL_THRESHOLD, 0.0);
      Exit exit = Exit.SHORT;
      String e = r.string("exit_signal", null);
      if (e != null) {
        try {
          exit = Exit.fromName(e);
        } catch (IllegalArgumentException x) {
          r.problem("exit_signal", x.getMessage());
        }
      }
      boolean everyBar = false;
      String emit = r.string("emit", null);
      if (emit != null) {
        switch (emit.trim().toLowerCase(Locale.ROOT)) {
          case "crossover" -> everyBar = false;
          case "every_bar" -> everyBar = true;
          default -> r.problem("emit", "'" + emit + "' is not known, expected crossover or every_bar");
        }
      }
      if (fast >= slow) {
        r.problem("fast_period", "must be less than slow_period (" + slow + "), was " + fast);
        return null;
      }
      return new MomentumStrategy(fast, slow, threshold, exit, everyBar);
    }
  };

  private static final int UNKNOWN = -1;
  private static final int NOT_ABOVE = 0;
  private static final int ABOVE = 1;

  /** The averages of one series and whether it is above. */
  private static final class Series {
    final RollingWindow fast;
    final RollingWindow slow;
    int state = UNKNOWN;

    Series(int fastPeriod, int slowPeriod) {
      this.fast = new RollingWindow(fastPeriod);
      this.slow = new RollingWindow(slowPeriod);
    }
  }

  private final int fastPeriod;
  private final int slowPeriod;
  private final double threshold;
  private final Exit exit;
  private final boolean everyBar;
  private final SeriesMap<Series> series;
  private final String averages;

  /** A crossover strategy that signals on crossing bars only, exiting short. */
  public MomentumStrategy(int fastPeriod, int slowPeriod, double signalThreshold) {
    this(fastPeriod, slowPeriod, signalThreshold, Exit.SHORT, false);
  }

  /**
   * @param everyBar also report the standing position on bars that do not cross
   */
  public MomentumStrategy(int fastPeriod, int slowPeriod, double signalThreshold, Exit exit, boolean everyBar) {
    if (fastPeriod < 1 || fastPeriod >= slowPeriod) {
      throw new IllegalArgumentException("need 1 <= fast_period < slow_period, was " + fastPeriod + ", " + slowPeriod);
    }
    if (!(signalThreshold >= 0) || Double.isInfinite(signalThreshold)) {
      throw new IllegalArgumentException("signal_threshold must be a finite number >= 0, was " + signalThreshold);
    }
    this.fastPeriod = fastPeriod;
    this.slowPeriod = slowPeriod;
    this.threshold = signalThreshold;
    this.exit = exit;
    this.everyBar = everyBar;
    this.series = new SeriesMap<>(() -> new Series(fastPeriod, slowPeriod));
    this.averages = "SMA(" + fastPeriod + ") ";
  }

  @Override
  public Signal onBar(Bar bar, String symbol) {
    Series s = series.get(symbol, bar.timeframe());
    s.fast.add(bar.close());
    s.slow.add(bar.close());
    if (!s.slow.isFull()) {
      return null;
    }
    double fast = s.fast.mean();
    double slow = s.slow.mean();
    double gap = slow == 0.0 ? (fast > 0 ? Double.POSITIVE_INFINITY : fast < 0 ? Double.NEGATIVE_INFINITY : 0.0)
        : (fast - slow) / Math.abs(slow);
    int before = s.state;
    int now;
    if (before == UNKNOWN) {
      now = fast > slow ? ABOVE : NOT_ABOVE;
    } else if (gap > threshold) {
      now = ABOVE;
    } else if (gap <= -threshold) {
      now = NOT_ABOVE;
    } else {
      now = before;
    }
    s.state = now;
    boolean crossed = before != UNKNOWN && before != now;
    if (!crossed && !everyBar) {
      return null;
    }
    Direction direction = now == ABOVE ? Direction.LONG : exit.direction;
    double strength = now == ABOVE ? 1.0 : exit.strength;
    StringBuilder reason = new StringBuilder(96).append(averages);
    if (crossed) {
      reason.append(now == ABOVE ? "crossed above" : "fell to or below");
    } else {
      reason.append(now == ABOVE ? "above" : "not above");
    }
    reason.append(" SMA(").append(slowPeriod).append("): ");
    Decimals.append(reason, fast, 4).append(" vs ");
    Decimals.append(reason, slow, 4).append(", gap ");
    Decimals.appendSigned(reason, gap * 100, 3).append("% (threshold ");
    Decimals.append(reason, threshold * 100, 3).append("%)");
    return new Signal(direction, strength, reason.toString(), null);
  }

  static double clamp(double x) {
    return x > 1.0 ? 1.0 : x < -1.0 ? -1.0 : x;
  }

  @Override
  public String toString() {
    return TYPE + "(" + fastPeriod + "," + slowPeriod + "," + threshold + "," + exit.name().toLowerCase(Locale.ROOT)
        + (everyBar ? ",every_bar" : "") + ")";
  }
}
