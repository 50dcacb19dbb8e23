package dev.tierbus.trading.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tierbus.event.Direction;
import dev.tierbus.event.Signal;
import org.junit.jupiter.api.Test;

class AggregationMethodTest {

  private static final String[] MEMBERS = {"momentum_fast", "momentum_slow", "mean_reversion"};
  private static final double[] DESIGN_WEIGHTS = {0.4, 0.3, 0.3};

  private static Signal s(Direction d, double strength) {
    return new Signal(d, strength, "test", null);
  }

  @Test
  void weightedVotingWithTheDesignWeights() {
    // 0.4·0.8 + 0.3·(−0.6) + 0.3·0.5 = 0.29, over Σw = 1.0
    Signal out = AggregationMethod.WEIGHTED_VOTING.aggregate(MEMBERS, DESIGN_WEIGHTS,
        new Signal[] {s(Direction.LONG, 0.8), s(Direction.SHORT, -0.6), s(Direction.LONG, 0.5)}, "ens");
    assertThat(out.direction()).isEqualTo(Direction.LONG);
    assertThat(out.strength()).isCloseTo(0.29, within(1e-12));
    assertThat(out.strategy()).isEqualTo("ens");
    assertThat(out.reason()).isEqualTo("weighted_voting 3/3 score +0.2900: momentum_fast LONG +0.80 x0.40, "
        + "momentum_slow SHORT -0.60 x0.30, mean_reversion LONG +0.50 x0.30");
  }

  @Test
  void weightedVotingDividesByTheWeightsOfTheMembersThatReported() {
    // (0.4·0.8 − 0.3·0.6) / 0.7 = 0.2
    Signal out = AggregationMethod.WEIGHTED_VOTING.aggregate(MEMBERS, DESIGN_WEIGHTS,
        new Signal[] {s(Direction.LONG, 0.8), s(Direction.SHORT, -0.6), null}, "ens");
    assertThat(out.strength()).isCloseTo(0.2, within(1e-12));
    assertThat(out.reason()).contains("2/3").endsWith("mean_reversion missing");
  }

  @Test
  void weightedVotingIsFlatWhenTheVotesCancel() {
    Signal out = AggregationMethod.WEIGHTED_VOTING.aggregate(new String[] {"a", "b"}, new double[] {0.3, 0.6},
        new Signal[] {s(Direction.LONG, 0.4), s(Direction.SHORT, -0.2)}, "ens");
    assertThat(out.direction()).isEqualTo(Direction.FLAT);
    assertThat(out.strength()).isZero();
    Signal shortOut = AggregationMethod.WEIGHTED_VOTING.aggregate(new String[] {"a", "b"}, new double[] {1, 1},
        new Signal[] {s(Direction.SHORT, -1), s(Direction.FLAT, 0)}, "ens");
    assertThat(shortOut.direction()).isEqualTo(Direction.SHORT);
    assertThat(shortOut.strength()).isCloseTo(-0.5, within(1e-12));
  }

  @Test
  void majorityTakesTheMostFrequentDirectionAndTheMeanStrengthOfItsVoters() {
    Signal out = AggregationMethod.MAJORITY.aggregate(MEMBERS, DESIGN_WEIGHTS,
        new Signal[] {s(Direction.LONG, 0.6), s(Direction.LONG, 0.8), s(Direction.SHORT, -1)}, "ens");
    assertThat(out.direction()).isEqualTo(Direction.LONG);
    assertThat(out.strength()).isCloseTo(0.7, within(1e-12));
    assertThat(out.reason()).startsWith("majority 3/3 LONG 2 votes:");
  }

  @Test
  void majorityTieIsFlat() {
    Signal out = AggregationMethod.MAJORITY.aggregate(MEMBERS, DESIGN_WEIGHTS,
        new Signal[] {s(Direction.LONG, 0.6), s(Direction.SHORT, -0.8), s(Direction.FLAT, 0)}, "ens");
    assertThat(out.direction()).isEqualTo(Direction.FLAT);
    assertThat(out.strength()).isZero();
    Signal two = AggregationMethod.MAJORITY.aggregate(MEMBERS, DESIGN_WEIGHTS,
        new Signal[] {s(Direction.LONG, 0.6), s(Direction.SHORT, -0.8), null}, "ens");
    assertThat(two.direction()).isEqualTo(Direction.FLAT);
    assertThat(two.reason()).startsWith("majority 2/3 tie");
  }

  @Test
  void methodsParseFromTheirTopologyNames() {
    assertThat(AggregationMethod.fromName("weighted_voting")).isEqualTo(AggregationMethod.WEIGHTED_VOTING);
    assertThat(AggregationMethod.fromName("Majority")).isEqualTo(AggregationMethod.MAJORITY);
    assertThatThrownBy(() -> AggregationMethod.fromName("average")).hasMessageContaining("average");
  }
}
