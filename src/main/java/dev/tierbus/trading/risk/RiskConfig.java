package dev.tierbus.trading.risk;

import dev.tierbus.config.ParamReader;
import java.util.Set;

/**
 * Parameters of a {@code risk} container: the risk profile.
 *
 * <pre>
 *   initial_capital         number > 0           100000    the account's cash at the start (as the portfolio's)
 *   sizing                  {method, ...}        percent_of_equity, percent 10
 *     method: fixed_quantity   quantity: number > 0            units per entry
 *     method: percent_of_equity percent: number > 0            of equity, valued at the signal bar's close
 *     method: all_in                                           all the cash, resolved at the fill price
 *   whole_units             boolean              false     round quantities down to integers
 *   allow_short             boolean              false     false: SHORT closes a long and never opens a short
 *   max_position_pct        number > 0           100       one symbol's |position value| as % of equity
 *   max_total_exposure_pct  number > 0           100       Σ |position values| as % of equity (above 100: leverage)
 *   stop_loss_pct           number in (0, 100)   off       exit when a close is this % beyond the average cost
 *   emergency_stop_loss     number in (0, 1)     off       a drawdown from peak equity (0.15 = 15 %) that
 *                                                          closes everything and stops new entries
 *   risk_profile            string               -         a label (aggressive, defensive, ...), shown in logs
 * </pre>
 * The percentages are percent ({@code 5.0} is 5 %), as in the design document's risk profiles;
 * {@code emergency_stop_loss} is a fraction, as in its coordination block.
 */
public record RiskConfig(
    double initialCapital,
    Sizing sizing,
    boolean wholeUnits,
    boolean allowShort,
    double maxPositionPct,
    double maxTotalExposurePct,
    double stopLossPct,
    double emergencyStopLoss,
    String riskProfile) {

  public static final double DEFAULT_INITIAL_CAPITAL = 100_000.0;
  public static final double DEFAULT_MAX_POSITION_PCT = 100.0;
  public static final double DEFAULT_MAX_TOTAL_EXPOSURE_PCT = 100.0;

  public RiskConfig {
    if (sizing == null) {
      throw new IllegalArgumentException("sizing must not be null");
    }
    if (!(initialCapital > 0)) {
      throw new IllegalArgumentException("initial_capital must be > 0, was " + initialCapital);
    }
    if (!(maxPositionPct > 0) || !(maxTotalExposurePct > 0)) {
      throw new IllegalArgumentException("max_position_pct and max_total_exposure_pct must be > 0, were "
          + maxPositionPct + " and " + maxTotalExposurePct);
    }
    if (!Double.isNaN(stopLossPct) && !(stopLossPct > 0 && stopLossPct < 100)) {
      throw new IllegalArgumentException("stop_loss_pct must be in (0, 100), was " + stopLossPct);
    }
    if (!Double.isNaN(emergencyStopLoss) && !(emergencyStopLoss > 0 && emergencyStopLoss < 1)) {
      throw new IllegalArgumentException("emergency_stop_loss must be in (0, 1), was " + emergencyStopLoss);
    }
  }

  /** The defaults with another sizing. */
  public static RiskConfig of(Sizing sizing) {
    return new RiskConfig(DEFAULT_INITIAL_CAPITAL, sizing, false, false, DEFAULT_MAX_POSITION_PCT,
        DEFAULT_MAX_TOTAL_EXPOSURE_PCT, Double.NaN, Double.NaN, null);
  }

  public boolean hasStopLoss() {
    return !Double.isNaN(stopLossPct);
  }

  public boolean hasEmergencyStop() {
    return !Double.isNaN(emergencyStopLoss);
  }

  public RiskConfig withInitialCapital(double v) {
    return new RiskConfig(v, sizing, wholeUnits, allowShort, maxPositionPct, maxTotalExposurePct, stopLossPct,
        emergencyStopLoss, riskProfile);
  }

  public RiskConfig withWholeUnits(boolean v) {
    return new RiskConfig(initialCapital, sizing, v, allowShort, maxPositionPct, maxTotalExposurePct, stopLossPct,
        emergencyStopLoss, riskProfile);
  }

  public RiskConfig withAllowShort(boolean v) {
    return new RiskConfig(initialCapital, sizing, wholeUnits, v, maxPositionPct, maxTotalExposurePct, stopLossPct,
        emergencyStopLoss, riskProfile);
  }

  public RiskConfig withLimits(double positionPct, double totalExposurePct) {
    return new RiskConfig(initialCapital, sizing, wholeUnits, allowShort, positionPct, totalExposurePct, stopLossPct,
        emergencyStopLoss, riskProfile);
  }

  public RiskConfig withStopLossPct(double v) {
    return new RiskConfig(initialCapital, sizing, wholeUnits, allowShort, maxPositionPct, maxTotalExposurePct, v,
        emergencyStopLoss, riskProfile);
  }

  public RiskConfig withEmergencyStopLoss(double v) {
    return new RiskConfig(initialCapital, sizing, wholeUnits, allowShort, maxPositionPct, maxTotalExposurePct,
        stopLossPct, v, riskProfile);
  }

  /** Reads the parameters, recording every problem on {@code r}. */
  public static RiskConfig read(ParamReader r) {
    double capital = r.numberAbove("initial_capital", DEFAULT_INITIAL_CAPITAL, 0.0);
    Sizing sizing = readSizing(r);
    boolean whole = r.bool("whole_units", false);
    boolean shorts = r.bool("allow_short", false);
    double position = r.numberAbove("max_position_pct", DEFAULT_MAX_POSITION_PCT, 0.0);
    double exposure = r.numberAbove("max_total_exposure_pct", DEFAULT_MAX_TOTAL_EXPOSURE_PCT, 0.0);
    double stop = Double.NaN;
    if (r.has("stop_loss_pct")) {
      double v = r.number("stop_loss_pct", Double.NaN);
      if (!Double.isNaN(v) && !(v > 0 && v < 100)) {
        r.problem("stop_loss_pct", "must be a percentage in (0, 100), e.g. 5 for 5 %, was " + v);
      } else {
        stop = v;
      }
    }
    double emergency = Double.NaN;
    if (r.has("emergency_stop_loss")) {
      double v = r.number("emergency_stop_loss", Double.NaN);
      if (!Double.isNaN(v) && !(v > 0 && v < 1)) {
        r.problem("emergency_stop_loss", "must be a fraction of peak equity in (0, 1), e.g. 0.15 for 15 %, was " + v);
      } else {
        emergency = v;
      }
    }
    String profile = r.string("risk_profile", null);
    return new RiskConfig(capital, sizing, whole, shorts, position, exposure, stop, emergency, profile);
  }

  private static Sizing readSizing(ParamReader r) {
    if (!r.has("sizing")) {
      return Sizing.DEFAULT;
    }
    ParamReader s = r.object("sizing");
    String name = s.requiredString("method");
    if (name == null) {
      s.ignoreUnreadKeys();
      return Sizing.DEFAULT;
    }
    SizingMethod method;
    try {
      method = SizingMethod.fromName(name);
    } catch (IllegalArgumentException e) {
      s.problem("method", "'" + name + "' is unknown, expected fixed_quantity, percent_of_equity or all_in");
      s.ignoreUnreadKeys();
      return Sizing.DEFAULT;
    }
    s.usedOnlyWith(Set.of("quantity"), "method", "fixed_quantity")
        .usedOnlyWith(Set.of("percent"), "method", "percent_of_equity");
    switch (method) {
      case FIXED_QUANTITY -> {
        if (!s.has("quantity")) {
          s.problem("quantity", "is required with fixed_quantity, expected a number > 0");
          return Sizing.DEFAULT;
        }
        double q = s.numberAbove("quantity", Double.NaN, 0.0);
        return Double.isNaN(q) ? Sizing.DEFAULT : Sizing.fixedQuantity(q);
      }
      case PERCENT_OF_EQUITY -> {
        if (!s.has("percent")) {
          s.problem("percent", "is required with percent_of_equity, expected a number > 0 (10 for 10 %)");
          return Sizing.DEFAULT;
        }
        double p = s.numberAbove("percent", Double.NaN, 0.0);
        return Double.isNaN(p) ? Sizing.DEFAULT : Sizing.percentOfEquity(p);
      }
      default -> {
        return Sizing.allIn();
      }
    }
  }
}
