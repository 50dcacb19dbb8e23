package dev.tierbus.trading.ensemble;

import dev.tierbus.event.Direction;
import dev.tierbus.event.Signal;
import dev.tierbus.trading.support.Decimals;
import java.util.Locale;

/**
 * How an ensemble turns its members' signals for one (symbol, bar) into one signal
 * ({@code internal_events.aggregation.method}). Only the signals that arrived take part.
 */
public enum AggregationMethod {

  /**
   * Weighted vote of strengths.
   * <pre>
   *   score = Σ w_i · s_i / Σ w_i       over the members that reported (s_i their strength, FLAT = 0)
   *   LONG if score > 0, SHORT if score < 0, FLAT if score = 0 (|score| < 1e-12, rounding noise)
   *   strength = clamp(score, −1, 1)   (0 for FLAT)
   * </pre>
   * Weights come from {@code aggregation.weights} by member id, 1.0 when not given; when every
   * reporting member weighs 0 the result is FLAT.
   */
  WEIGHTED_VOTING("weighted_voting") {
    @Override
    Signal aggregate(String[] members, double[] weights, Signal[] signals, String ensembleId) {
      double weighted = 0;
      double totalWeight = 0;
      int received = 0;
      for (int i = 0; i < signals.length; i++) {
        if (signals[i] != null) {
          weighted += weights[i] * signals[i].strength();
          totalWeight += weights[i];
          received++;
        }
      }
      double score = totalWeight > 0 ? weighted / totalWeight : 0.0;
      Direction direction = score > EPSILON ? Direction.LONG : score < -EPSILON ? Direction.SHORT : Direction.FLAT;
      double strength = direction == Direction.FLAT ? 0.0 : Math.max(-1.0, Math.min(1.0, score));
      StringBuilder reason = new StringBuilder(128).append(configName).append(' ')
          .append(received).append('/').append(signals.length).append(" score ");
      Decimals.appendSigned(reason, score, 4);
      appendContributions(reason, members, weights, signals);
      return new Signal(direction, strength, reason.toString(), ensembleId);
    }
  },

  /**
   * Majority of directions: the direction most members reported wins; a tie for the most
   * votes gives FLAT with strength 0. Strength = mean strength of the winning members
   * (0 when FLAT wins). Weights are not used.
   */
  MAJORITY("majority") {
    @Override
    Signal aggregate(String[] members, double[] weights, Signal[] signals, String ensembleId) {
      int[] votes = new int[Direction.values().length];
      double[] strengthSum = new double[votes.length];
      int received = 0;
      for (Signal s : signals) {
        if (s != null) {
          votes[s.direction().ordinal()]++; // in-memory tally only, never persisted
          strengthSum[s.direction().ordinal()] += s.strength();
          received++;
        }
      }
      int best = -1;
      boolean tie = false;
      for (int d = 0; d < votes.length; d++) {
        if (best < 0 || votes[d] > votes[best]) {
          best = d;
          tie = false;
        } else if (votes[d] == votes[best]) {
          tie = true;
        }
      }
      Direction direction = tie || votes[best] == 0 ? Direction.FLAT : Direction.values()[best];
      double strength = direction == Direction.FLAT ? 0.0
          : Math.max(-1.0, Math.min(1.0, strengthSum[best] / votes[best]));
      StringBuilder reason = new StringBuilder(128).append(configName).append(' ')
          .append(received).append('/').append(signals.length).append(' ');
      if (tie) {
        reason.append("tie");
      } else {
        reason.append(direction).append(' ').append(votes[best]).append(" votes");
      }
      appendContributions(reason, members, weights, signals);
      return new Signal(direction, strength, reason.toString(), ensembleId);
    }
  };

  /** Scores closer to 0 than this are FLAT: they are rounding noise of opposite votes. */
  static final double EPSILON = 1e-12;

  final String configName;

  AggregationMethod(String configName) {
    this.configName = configName;
  }

  /** The name used in the topology file. */
  public String configName() {
    return configName;
  }

  /**
   * Aggregates; {@code signals[i]} is member i's signal or null when it did not report.
   * At least one signal must be present.
   */
  abstract Signal aggregate(String[] members, double[] weights, Signal[] signals, String ensembleId);

  /** Parses a topology name, case-insensitively. */
  public static AggregationMethod fromName(String name) {
    if (name != null) {
      String n = name.trim().toLowerCase(Locale.ROOT);
      for (AggregationMethod m : values()) {
        if (m.configName.equals(n)) {
          return m;
        }
      }
    }
    throw new IllegalArgumentException("unknown aggregation method '" + name + "', expected weighted_voting or majority");
  }

  private static void appendContributions(StringBuilder sb, String[] members, double[] weights, Signal[] signals) {
    sb.append(':');
    for (int i = 0; i < signals.length; i++) {
      sb.append(i == 0 ? " " : ", ").append(members[i]).append(' ');
      Signal s = signals[i];
      if (s == null) {
        sb.append("missing");
      } else {
        sb.append(s.direction()).append(' ');
        Decimals.appendSigned(sb, s.strength(), 2).append(" x");
        Decimals.append(sb, weights[i], 2);
      }
    }
  }
}
