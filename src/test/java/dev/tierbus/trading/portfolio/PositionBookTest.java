package dev.tierbus.trading.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tierbus.event.PortfolioUpdate;
import dev.tierbus.event.Side;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PositionBookTest {

  private static final double EPS = 1e-9;

  /** equity = cash + Σ q·mark = initial + realized + unrealized, checked from the outside. */
  private static void assertBalanced(PositionBook book, Map<String, Double> marks) {
    double sum = book.cash();
    for (Map.Entry<String, Double> e : book.positions().entrySet()) {
      sum += e.getValue() * marks.get(e.getKey());
    }
    assertThat(book.equity()).isCloseTo(sum, within(EPS));
    assertThat(book.equity()).isCloseTo(book.initialCash() + book.realizedPnl() + book.unrealizedPnl(), within(EPS));
  }

  @Test
  void buysPartialSellsAndCommissionsBalanceAtEveryStep() {
    PositionBook book = new PositionBook(10_000);

    // buy 10 @ 100, commission 1: cash 10000 − 1000 − 1 = 8999
    book.apply("AAPL", Side.BUY, 10, 100, 1);
    book.mark("AAPL", 100);
    assertThat(book.cash()).isCloseTo(8_999, within(EPS));
    assertThat(book.equity()).isCloseTo(9_999, within(EPS));
    assertThat(book.realizedPnl()).isCloseTo(-1, within(EPS));
    assertBalanced(book, Map.of("AAPL", 100.0));

    // buy 10 more @ 110, commission 1: average (10·100 + 10·110) / 20 = 105; cash 8999 − 1100 − 1 = 7898
    book.apply("AAPL", Side.BUY, 10, 110, 1);
    book.mark("AAPL", 112);
    assertThat(book.averageCost("AAPL")).isCloseTo(105, within(EPS));
    assertThat(book.cash()).isCloseTo(7_898, within(EPS));
    // equity 7898 + 20·112 = 10138; unrealized (112 − 105)·20 = 140; realized −2
    assertThat(book.equity()).isCloseTo(10_138, within(EPS));
    assertThat(book.unrealizedPnl()).isCloseTo(140, within(EPS));
    assertBalanced(book, Map.of("AAPL", 112.0));

    // sell 5 @ 120, commission 0.5: realized (120 − 105)·5 − 0.5 = 74.5 → total −2 + 74.5 = 72.5
    double realized = book.apply("AAPL", Side.SELL, 5, 120, 0.5);
    book.mark("AAPL", 118);
    assertThat(realized).isCloseTo(74.5, within(EPS));
    assertThat(book.realizedPnl()).isCloseTo(72.5, within(EPS));
    assertThat(book.position("AAPL")).isEqualTo(15);
    assertThat(book.averageCost("AAPL")).isCloseTo(105, within(EPS)); // a sale does not move the average
    assertThat(book.cash()).isCloseTo(7_898 + 600 - 0.5, within(EPS));
    assertBalanced(book, Map.of("AAPL", 118.0));

    // sell the last 15 @ 90, commission 0.5: realized (90 − 105)·15 − 0.5 = −225.5
    book.apply("AAPL", Side.SELL, 15, 90, 0.5);
    assertThat(book.hasPositions()).isFalse();
    assertThat(book.positions()).isEmpty();
    assertThat(book.averageCost("AAPL")).isNaN();
    assertThat(book.realizedPnl()).isCloseTo(72.5 - 225.5, within(EPS));
    assertThat(book.commissions()).isCloseTo(3, within(EPS));
    // flat: equity is cash, and cash is the initial cash plus every realized P&L
    assertThat(book.equity()).isEqualTo(book.cash());
    assertThat(book.cash()).isCloseTo(10_000 - 153, within(EPS));
  }

  @Test
  void shortsAreNegativePositionsAndCrossingZeroOpensTheOtherSide() {
    PositionBook book = new PositionBook(1_000);

    // sell short 4 @ 50: cash 1000 + 200 = 1200, position −4
    book.apply("X", Side.SELL, 4, 50, 0);
    book.mark("X", 40);
    assertThat(book.position("X")).isEqualTo(-4);
    assertThat(book.cash()).isCloseTo(1_200, within(EPS));
    // price fell to 40: equity 1200 − 160 = 1040, unrealized (40 − 50)·(−4) = +40
    assertThat(book.equity()).isCloseTo(1_040, within(EPS));
    assertThat(book.unrealizedPnl()).isCloseTo(40, within(EPS));
    assertThat(book.grossExposure()).isCloseTo(160, within(EPS));
    assertBalanced(book, Map.of("X", 40.0));

    // buy 6 @ 40: covers 4 (realized +40) and opens a long of 2 at 40
    book.apply("X", Side.BUY, 6, 40, 0);
    assertThat(book.position("X")).isEqualTo(2);
    assertThat(book.averageCost("X")).isEqualTo(40);
    assertThat(book.realizedPnl()).isCloseTo(40, within(EPS));
    book.mark("X", 45);
    assertBalanced(book, Map.of("X", 45.0));
    assertThat(book.equity()).isCloseTo(1_050, within(EPS));
  }

  @Test
  void severalSymbolsAreSummedAndSnapshotted() {
    PositionBook book = new PositionBook(100_000);
    book.apply("MSFT", Side.BUY, 100, 30, 2);
    book.apply("AAPL", Side.BUY, 10, 500, 3);
    book.mark("MSFT", 31);
    book.mark("AAPL", 490);

    PortfolioUpdate u = book.snapshot();

    assertThat(u.cash()).isCloseTo(100_000 - 3_000 - 5_000 - 5, within(EPS));
    assertThat(u.equity()).isCloseTo(u.cash() + 100 * 31 + 10 * 490, within(EPS));
    assertThat(u.positions()).containsOnly(Map.entry("AAPL", 10.0), Map.entry("MSFT", 100.0));
    assertThat(u.realizedPnl()).isCloseTo(-5, within(EPS));
    assertThat(u.unrealizedPnl()).isCloseTo(100 - 100, within(EPS));
  }

  @Test
  void anUnmarkedSymbolIsValuedAtItsFirstFill() {
    PositionBook book = new PositionBook(1_000);
    book.apply("Z", Side.BUY, 2, 10, 0);
    assertThat(book.markOf("Z")).isEqualTo(10);
    assertThat(book.equity()).isCloseTo(1_000, within(EPS));
  }

  @Test
  void badFillsAreRefusedNamingTheValue() {
    PositionBook book = new PositionBook(1_000);
    assertThatThrownBy(() -> book.apply("Z", Side.BUY, 0, 10, 0)).hasMessage("fill quantity must be > 0, was 0.0");
    assertThatThrownBy(() -> book.apply("Z", Side.BUY, 1, -1, 0)).hasMessage("fill price must be > 0, was -1.0");
    assertThatThrownBy(() -> book.apply("Z", Side.BUY, 1, 1, -1)).hasMessage("commission must be >= 0, was -1.0");
    assertThat(book.cash()).isEqualTo(1_000);
  }

  @Test
  void theRunningSumsStayWithinRoundingOfTheExactSumsOverManyFillsAndMarks() {
    PositionBook book = new PositionBook(1_000_000);
    java.util.Random random = new java.util.Random(11);
    for (int i = 0; i < 5 * PositionBook.EXACT_EVERY + 17; i++) {
      String symbol = "S" + random.nextInt(50);
      double price = 50 + random.nextDouble() * 100;
      if (random.nextInt(5) == 0) {
        book.apply(symbol, random.nextBoolean() ? Side.BUY : Side.SELL, 1 + random.nextInt(20), price, 0.5);
      } else {
        book.mark(symbol, price);
      }
      double exactValue = 0;
      double exactGross = 0;
      for (Map.Entry<String, Double> e : book.positions().entrySet()) {
        exactValue += e.getValue() * book.markOf(e.getKey());
        exactGross += Math.abs(e.getValue() * book.markOf(e.getKey()));
      }
      assertThat(book.equity()).isCloseTo(book.cash() + exactValue, within(1e-6));
      assertThat(book.grossExposure()).isCloseTo(exactGross, within(1e-6));
    }
    assertThat(book.equity()).isCloseTo(book.initialCash() + book.realizedPnl() + book.unrealizedPnl(), within(1e-6));
  }
}
