package dev.tierbus.trading.data;

import dev.tierbus.event.Bar;
import java.util.SplittableRandom;

/**
 * A seeded geometric random walk that produces the bars of one symbol.
 *
 * <p>Per bar, with standard normal draws z1..z4 and per-bar volatility σ and drift μ:
 * <pre>
 *   open   = previous close (the start price for the first bar)
 *   close  = open · exp(μ − σ²/2 + σ·z1)          (log-normal step; E[close/open] = e^μ)
 *   high   = max(open, close) · exp(σ/2 · |z2|)
 *   low    = min(open, close) · exp(−σ/2 · |z3|)
 *   volume = round(100 000 · exp(z4 / 4))
 * </pre>
 *
 * <p>The series depends only on (seed, symbol, parameters): each symbol has its own generator
 * seeded from the seed and the symbol's (specified) {@code String.hashCode}, so adding a
 * symbol does not change the others. Normal draws use Box–Muller on {@link SplittableRandom},
 * whose algorithm is specified, and all transcendental functions are {@link StrictMath}, so the
 * series is bit-for-bit the same on every JDK and platform.
 */
public final class RandomWalk {

  private final SplittableRandom random;
  private final double volatility;
  private final double logDrift;
  private double close;
  private double spareGaussian;
  private boolean hasSpare;

  /**
   * @param symbol the instrument (part of the seed)
   * @param seed the user's seed
   * @param startPrice price before the first bar, > 0
   * @param volatility per-bar σ of log returns, >= 0
   * @param drift per-bar μ (expected log growth is μ − σ²/2)
   */
  public RandomWalk(String symbol, long seed, double startPrice, double volatility, double drift) {
    if (!(startPrice > 0)) {
      throw new IllegalArgumentException("startPrice must be > 0, was " + startPrice);
    }
    if (!(volatility >= 0)) {
      throw new IllegalArgumentException("volatility must be >= 0, was " + volatility);
    }
    this.random = new SplittableRandom(mix(seed, symbol.hashCode()));
    this.volatility = volatility;
    this.logDrift = drift - volatility * volatility / 2;
    this.close = startPrice;
  }

  /** The next bar of the walk. */
  public Bar next(String timeframe) {
    double open = close;
    double next = open * StrictMath.exp(logDrift + volatility * gaussian());
    double high = Math.max(open, next) * StrictMath.exp(volatility / 2 * Math.abs(gaussian()));
    double low = Math.min(open, next) * StrictMath.exp(-volatility / 2 * Math.abs(gaussian()));
    double volume = Math.round(100_000 * StrictMath.exp(gaussian() / 4));
    close = next;
    return new Bar(timeframe, open, high, low, next, volume);
  }

  /** The last close (the start price before the first bar). */
  public double lastClose() {
    return close;
  }

  private double gaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spareGaussian;
    }
    double u1 = 1.0 - random.nextDouble(); // (0, 1]: log is finite
    double u2 = random.nextDouble();
    double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
    spareGaussian = r * StrictMath.sin(2 * Math.PI * u2);
    hasSpare = true;
    return r * StrictMath.cos(2 * Math.PI * u2);
  }

  /** SplitMix64 finaliser over (seed, symbol hash): nearby seeds give unrelated streams. */
  private static long mix(long seed, int symbolHash) {
    long z = seed * 0x9E3779B97F4A7C15L + symbolHash;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
