package dev.tierbus.trading.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tierbus.event.Fill;
import dev.tierbus.event.PortfolioUpdate;
import dev.tierbus.event.Side;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerformanceTrackerTest {

  private static final long DAY = 86_400_000_000_000L;

  private static PortfolioUpdate update(double equity, Map<String, Double> positions) {
    return new PortfolioUpdate(equity, equity, 0, 0, positions);
  }

  @Test
  void severalUpdatesOfOneBarTimeMakeOnePointTheLastOne() {
    PerformanceTracker t = new PerformanceTracker();
    assertThat(t.onPortfolioUpdate(DAY, update(100, Map.of()))).isFalse();
    assertThat(t.onPortfolioUpdate(2 * DAY, update(99, Map.of("A", 1.0)))).isTrue(); // after a fill
    assertThat(t.onPortfolioUpdate(2 * DAY, update(101, Map.of("A", 1.0)))).isFalse(); // bar of A
    assertThat(t.onPortfolioUpdate(2 * DAY, update(102, Map.of("A", 1.0)))).isFalse(); // bar of B
    assertThat(t.onPortfolioUpdate(DAY, update(1, Map.of()))).isFalse(); // out of order: ignored

    assertThat(t.curve().points()).extracting(EquityPoint::equity).containsExactly(100.0, 102.0);
    assertThat(t.curve().points()).extracting(EquityPoint::invested).containsExactly(false, true);
    assertThat(t.curve().outOfOrder()).isEqualTo(1);
    assertThat(t.curve().completed()).isEqualTo(1);
  }

  @Test
  void anOpenPositionAtTheEndIsAnOpenTradeMarkedAtTheLastClose() {
    PerformanceTracker t = new PerformanceTracker();
    t.onPortfolioUpdate(DAY, update(1_000, Map.of()));
    t.onFill("A", 2 * DAY, new Fill("o1", Side.BUY, 10, 50, 0));
    t.onFill("A", 3 * DAY, new Fill("o2", Side.SELL, 4, 55, 0));
    t.onPrice("A", 60);
    t.onPortfolioUpdate(3 * DAY, update(1_020 + 60, Map.of("A", 6.0)));

    AnalysisResult r = t.result();

    assertThat(r.metrics().tradeCount()).isEqualTo(1);
    assertThat(r.metrics().openTradeCount()).isEqualTo(1);
    assertThat(r.metrics().winRate()).isEqualTo(1.0);
    assertThat(r.trades()).hasSize(2);
    assertThat(r.trades().get(1).open()).isTrue();
    assertThat(r.trades().get(1).pnl()).isCloseTo(60, within(1e-9)); // (60 − 50) × 6
    assertThat(r.metrics().exposure()).isCloseTo(0.5, within(1e-12));
    assertThat(r.toReport(true).openTrades()).isEqualTo(1);
    assertThat(r.toReport(true).equityPoints()).isEqualTo(2);
  }
}
