package dev.tierbus.trading.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tierbus.event.Side;
import org.junit.jupiter.api.Test;

class CostModelTest {

  private static final double EPS = 1e-9;

  @Test
  void commissionIsPercentPlusPerShareWithAMinimum() {
    CostModel costs = new CostModel(0.1, 0.01, 1.0, 0);
    // 100 × 50 × 0.1 % = 5, + 100 × 0.01 = 1 → 6
    assertThat(costs.commission(100, 50)).isCloseTo(6.0, within(EPS));
    // 1 × 20 × 0.1 % + 0.01 = 0.03 → the minimum, 1
    assertThat(costs.commission(1, 20)).isEqualTo(1.0);
    assertThat(costs.commission(0, 20)).isZero();
  }

  @Test
  void slippageMovesThePriceAgainstTheTrader() {
    CostModel costs = new CostModel(0, 0, 0, 25);
    assertThat(costs.slipped(Side.BUY, 100)).isCloseTo(100.25, within(EPS));
    assertThat(costs.slipped(Side.SELL, 100)).isCloseTo(99.75, within(EPS));
  }

  @Test
  void affordableQuantitySpendsTheNotionalCommissionIncludedAndNeverMore() {
    CostModel costs = new CostModel(0.1, 0, 0, 0);
    // 10 000 / (50 × 1.001) = 199.8001998...
    double q = costs.affordableQuantity(10_000, 50, false);
    assertThat(q).isCloseTo(10_000 / 50.05, within(1e-9));
    assertThat(costs.cost(q, 50)).isLessThanOrEqualTo(10_000).isCloseTo(10_000, within(1e-6));
    assertThat(costs.affordableQuantity(10_000, 50, true)).isEqualTo(199);

    CostModel free = CostModel.FREE;
    for (double price : new double[] {0.1, 3.3, 7.77, 101.37, 549.03, 1234.5678}) {
      double fractional = free.affordableQuantity(99_999.99, price, false);
      assertThat(fractional * price).as("price %s", price).isLessThanOrEqualTo(99_999.99);
      assertThat(99_999.99 - fractional * price).isLessThan(1e-6);
    }
  }

  @Test
  void aMinimumCommissionIsPaidOutOfTheNotional() {
    CostModel costs = new CostModel(0.1, 0, 5, 0);
    // 0.1 % of ~1000 is ~1 < 5: the minimum applies, (1000 − 5) / 10 = 99.5
    assertThat(costs.affordableQuantity(1_000, 10, false)).isCloseTo(99.5, within(EPS));
    assertThat(costs.affordableQuantity(4, 10, false)).isZero();
    assertThat(costs.affordableQuantity(12, 10, true)).isZero();
  }

  @Test
  void negativeCostsAreRefusedByName() {
    assertThatThrownBy(() -> new CostModel(-0.1, 0, 0, 0)).hasMessageContaining("commission_pct must be >= 0");
    assertThatThrownBy(() -> new CostModel(0, 0, 0, -1)).hasMessageContaining("slippage_bps must be >= 0");
  }
}
