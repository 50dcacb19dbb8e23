package dev.tierbus.trading.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tierbus.event.Direction;
import dev.tierbus.event.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundTripMatcherTest {

  private static final double EPS = 1e-9;

  @Test
  void partialClosesAreMatchedFirstInFirstOutWithCommissionsSharedByQuantity() {
    RoundTripMatcher m = new RoundTripMatcher();
    m.onFill("AAPL", 1, Side.BUY, 10, 100, 1.0); // 0.10 per unit
    m.onFill("AAPL", 2, Side.BUY, 10, 110, 2.0); // 0.20 per unit

    // sell 15 @ 120, commission 1.5 (0.10 per unit): closes the 10 of t=1 and 5 of t=2
    List<RoundTrip> closed = m.onFill("AAPL", 3, Side.SELL, 15, 120, 1.5);

    assertThat(closed).hasSize(2);
    RoundTrip first = closed.get(0);
    // (120 − 100) × 10 − (0.10 + 0.10) × 10 = 200 − 2 = 198; return 198 / 1000
    assertThat(first.direction()).isEqualTo(Direction.LONG);
    assertThat(first.quantity()).isEqualTo(10);
    assertThat(first.entryTimeNanos()).isEqualTo(1);
    assertThat(first.exitTimeNanos()).isEqualTo(3);
    assertThat(first.pnl()).isCloseTo(198, within(EPS));
    assertThat(first.returnFraction()).isCloseTo(0.198, within(EPS));
    RoundTrip second = closed.get(1);
    // (120 − 110) × 5 − (0.20 + 0.10) × 5 = 50 − 1.5 = 48.5
    assertThat(second.quantity()).isEqualTo(5);
    assertThat(second.entryPrice()).isEqualTo(110);
    assertThat(second.pnl()).isCloseTo(48.5, within(EPS));

    // 5 of t=2 remain open; marked at 100: (100 − 110) × 5 − 0.20 × 5 = −51
    List<RoundTrip> open = m.open(s -> 100.0);
    assertThat(open).singleElement().satisfies(t -> {
      assertThat(t.open()).isTrue();
      assertThat(t.quantity()).isCloseTo(5, within(EPS));
      assertThat(t.exitPrice()).isNaN();
      assertThat(t.markPrice()).isEqualTo(100);
      assertThat(t.pnl()).isCloseTo(-51, within(EPS));
    });
  }

  @Test
  void aFillLargerThanThePositionClosesItAndOpensTheOtherSide() {
    RoundTripMatcher m = new RoundTripMatcher();
    m.onFill("X", 1, Side.BUY, 5, 10, 0);
    List<RoundTrip> closed = m.onFill("X", 2, Side.SELL, 8, 12, 0);

    assertThat(closed).singleElement().satisfies(t -> {
      assertThat(t.quantity()).isEqualTo(5);
      assertThat(t.pnl()).isCloseTo(10, within(EPS));
    });
    // a short of 3 at 12, covered at 9: (9 − 12) × 3 × −1 = 9
    List<RoundTrip> cover = m.onFill("X", 3, Side.BUY, 3, 9, 0);
    assertThat(cover).singleElement().satisfies(t -> {
      assertThat(t.direction()).isEqualTo(Direction.SHORT);
      assertThat(t.pnl()).isCloseTo(9, within(EPS));
      assertThat(t.returnFraction()).isCloseTo(9.0 / 36, within(EPS));
    });
    assertThat(m.openLots()).isZero();
    assertThat(m.closed()).hasSize(2);
  }

  @Test
  void symbolsAreMatchedSeparately() {
    RoundTripMatcher m = new RoundTripMatcher();
    m.onFill("A", 1, Side.BUY, 1, 10, 0);
    m.onFill("B", 1, Side.SELL, 1, 20, 0);
    assertThat(m.openLots()).isEqualTo(2);
    assertThat(m.onFill("A", 2, Side.SELL, 1, 11, 0)).singleElement()
        .satisfies(t -> assertThat(t.symbol()).isEqualTo("A"));
    assertThat(m.open(s -> Double.NaN)).singleElement().satisfies(t -> {
      assertThat(t.symbol()).isEqualTo("B");
      assertThat(t.markPrice()).isEqualTo(20); // no mark: valued at the entry
      assertThat(t.pnl()).isZero();
    });
  }
}
