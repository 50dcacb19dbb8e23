package dev.tierbus.trading.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The performance formulas, on an equity curve.
 *
 * <pre>
 *   total return   = E_last / E_first − 1
 *   CAGR           = (E_last / E_first)^(1 / years) − 1,   years = (t_last − t_first) / 365.25 days
 *   daily equity   = the last point of each UTC calendar day (intraday bars resampled; days without a bar skipped)
 *   daily returns  r_i = D_i / D_(i−1) − 1 between consecutive daily points
 *   Sharpe         = mean(r) / s(r) × √252          s: sample standard deviation (n − 1), risk-free rate 0
 *   Sortino        = mean(r) / DD(r) × √252         DD = √( Σ min(r_i, 0)² / n ), target 0, over all n returns
 *   max drawdown   = max over t of (peak_t − E_t) / peak_t,  peak_t = max of E up to t, on every point
 * </pre>
 * These are the conventions of empyrical / pyfolio. A value that is not defined is NaN: CAGR over
 * no time or with a non-positive ratio, Sharpe with fewer than two returns or no variation,
 * Sortino without returns or without a loss.
 */
public final class PerformanceMath {

  /** Trading days per year, for annualizing daily ratios. */
  public static final double TRADING_DAYS = 252.0;
  /** Nanoseconds in a year of 365.25 days. */
  public static final double NANOS_PER_YEAR = 365.25 * 86_400.0 * 1e9;

  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  private PerformanceMath() {}

  public static double totalReturn(List<EquityPoint> curve) {
    if (curve.isEmpty() || !(curve.get(0).equity() != 0)) {
      return Double.NaN;
    }
    return curve.get(curve.size() - 1).equity() / curve.get(0).equity() - 1.0;
  }

  public static double cagr(List<EquityPoint> curve) {
    if (curve.size() < 2) {
      return Double.NaN;
    }
    EquityPoint first = curve.get(0);
    EquityPoint last = curve.get(curve.size() - 1);
    double years = (last.timeNanos() - first.timeNanos()) / NANOS_PER_YEAR;
    double ratio = last.equity() / first.equity();
    if (!(years > 0) || !(ratio > 0)) {
      return Double.NaN;
    }
    return StrictMath.pow(ratio, 1.0 / years) - 1.0;
  }

  /** The last point of each UTC day, in time order. */
  public static List<EquityPoint> daily(List<EquityPoint> curve) {
    List<EquityPoint> out = new ArrayList<>();
    long day = Long.MIN_VALUE;
    for (EquityPoint p : curve) {
      long d = Math.floorDiv(p.timeNanos(), NANOS_PER_DAY);
      if (d == day) {
        out.set(out.size() - 1, p);
      } else {
        out.add(p);
        day = d;
      }
    }
    return out;
  }

  /** Returns between consecutive points. */
  public static double[] returns(List<EquityPoint> points) {
    double[] r = new double[Math.max(0, points.size() - 1)];
    for (int i = 1; i < points.size(); i++) {
      r[i - 1] = points.get(i).equity() / points.get(i - 1).equity() - 1.0;
    }
    return r;
  }

  public static double sharpe(double[] returns) {
    int n = returns.length;
    if (n < 2) {
      return Double.NaN;
    }
    double mean = mean(returns);
    double ss = 0.0;
    for (double r : returns) {
      ss += (r - mean) * (r - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    return sd > 0 ? mean / sd * Math.sqrt(TRADING_DAYS) : Double.NaN;
  }

  public static double sortino(double[] returns) {
    int n = returns.length;
    if (n < 1) {
      return Double.NaN;
    }
    double ss = 0.0;
    for (double r : returns) {
      if (r < 0) {
        ss += r * r;
      }
    }
    double dd = Math.sqrt(ss / n);
    return dd > 0 ? mean(returns) / dd * Math.sqrt(TRADING_DAYS) : Double.NaN;
  }

  /** The largest drawdown, a fraction in [0, 1] (0 for a curve that never fell; NaN when empty). */
  public static double maxDrawdown(List<EquityPoint> curve) {
    if (curve.isEmpty()) {
      return Double.NaN;
    }
    double[] dd = drawdowns(curve);
    double max = 0.0;
    for (double d : dd) {
      max = Math.max(max, d);
    }
    return max;
  }

  /** The drawdown at each point: (peak so far − equity) / peak so far. */
  public static double[] drawdowns(List<EquityPoint> curve) {
    double[] out = new double[curve.size()];
    double peak = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < out.length; i++) {
      double e = curve.get(i).equity();
      peak = Math.max(peak, e);
      out[i] = peak > 0 ? (peak - e) / peak : 0.0;
    }
    return out;
  }

  /** Share of points with a position (NaN when empty). */
  public static double exposure(List<EquityPoint> curve) {
    if (curve.isEmpty()) {
      return Double.NaN;
    }
    int invested = 0;
    for (EquityPoint p : curve) {
      if (p.invested()) {
        invested++;
      }
    }
    return (double) invested / curve.size();
  }

  private static double mean(double[] xs) {
    double sum = 0.0;
    for (double x : xs) {
      sum += x;
    }
    return sum / xs.length;
  }
}
