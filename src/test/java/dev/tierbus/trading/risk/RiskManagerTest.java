package dev.tierbus.trading.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tierbus.event.Bar;
import dev.tierbus.event.Direction;
import dev.tierbus.event.Fill;
import dev.tierbus.event.Order;
import dev.tierbus.event.RiskAlert;
import dev.tierbus.event.Side;
import dev.tierbus.event.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RiskManagerTest {

  private static final double EPS = 1e-9;
  private static final long DAY = 86_400_000_000_000L;

  /** The manager with what it sent, and a way to fill its orders like a broker would. */
  private static final class Harness {
    record Sent(String symbol, long time, Order order) {}

    record Alerted(String symbol, long time, RiskAlert alert) {}

    final List<Sent> orders = new ArrayList<>();
    final List<Alerted> alerts = new ArrayList<>();
    final RiskManager risk;

    Harness(RiskConfig config) {
      risk = new RiskManager(config, "risk-", new RiskManager.Sink() {
        @Override
        public void order(String symbol, long timeNanos, Order order) {
          orders.add(new Sent(symbol, timeNanos, order));
        }

        @Override
        public void alert(String symbol, long timeNanos, RiskAlert alert) {
          alerts.add(new Alerted(symbol, timeNanos, alert));
        }
      });
    }

    void bar(String symbol, int day, double close) {
      risk.onBar(symbol, day * DAY, new Bar("1D", close, close, close, close, 1));
    }

    void signal(String symbol, int day, Direction d) {
      double strength = d == Direction.LONG ? 1 : d == Direction.SHORT ? -1 : 0;
      risk.onSignal(symbol, day * DAY, new Signal(d, strength, "test", "ens"));
    }

    /** Fills order {@code i} at {@code price} (its whole quantity, or what a notional buys there). */
    void fill(int i, int day, double price) {
      Sent s = orders.get(i);
      double q = s.order.isNotional() ? s.order.notional() / price : s.order.quantity();
      risk.onFill(s.symbol, day * DAY, new Fill(s.order.orderId(), s.order.side(), q, price, 0));
    }

    Order order(int i) {
      return orders.get(i).order;
    }

    RiskAlert alert(int i) {
      return alerts.get(i).alert;
    }
  }

  private static RiskConfig percent(double pct) {
    return RiskConfig.of(Sizing.percentOfEquity(pct));
  }

  @Test
  void aLongSignalEntersSizedOnItsBarsCloseWithADeterministicId() {
    Harness h = new Harness(percent(10));
    h.bar("AAPL", 1, 50);
    h.signal("AAPL", 1, Direction.LONG);

    // 10 % of 100 000 at the close 50 = 200
    assertThat(h.orders).singleElement().satisfies(s -> {
      assertThat(s.symbol()).isEqualTo("AAPL");
      assertThat(s.time()).isEqualTo(DAY);
      assertThat(s.order().orderId()).isEqualTo("risk-1");
      assertThat(s.order().side()).isEqualTo(Side.BUY);
      assertThat(s.order().quantity()).isCloseTo(200, within(EPS));
      assertThat(s.order().isMarket()).isTrue();
      assertThat(s.order().isNotional()).isFalse();
      assertThat(s.order().reason()).isEqualTo(
          "enter long on signal LONG from ens: test [percent_of_equity 10.0%, reference close 50.0000]");
    });
    assertThat(h.alerts).isEmpty();
  }

  @Test
  void aSignalWaitsForTheCloseOfItsBar() {
    Harness h = new Harness(percent(10));
    h.bar("AAPL", 1, 40);
    h.signal("AAPL", 2, Direction.LONG); // the bar of day 2 has not arrived
    assertThat(h.orders).isEmpty();

    h.bar("AAPL", 2, 50);

    assertThat(h.orders).singleElement().satisfies(s -> {
      assertThat(s.order().quantity()).isCloseTo(200, within(EPS));
      assertThat(s.time()).isEqualTo(2 * DAY);
    });
  }

  @Test
  void repeatedSignalsDoNothingAndFlatClosesThePosition() {
    Harness h = new Harness(percent(10));
    h.bar("AAPL", 1, 50);
    h.signal("AAPL", 1, Direction.LONG);
    h.fill(0, 2, 51);
    h.bar("AAPL", 2, 52);
    h.signal("AAPL", 2, Direction.LONG);
    assertThat(h.orders).hasSize(1);

    h.bar("AAPL", 3, 53);
    h.signal("AAPL", 3, Direction.FLAT);

    assertThat(h.orders).hasSize(2);
    assertThat(h.order(1).side()).isEqualTo(Side.SELL);
    assertThat(h.order(1).quantity()).isEqualTo(h.order(0).quantity());
    assertThat(h.order(1).orderId()).isEqualTo("risk-2");
    assertThat(h.order(1).reason()).isEqualTo("exit long on signal FLAT from ens: test");
  }

  @Test
  void longOnlyAShortSignalClosesALongAndNeverOpensAShort() {
    Harness h = new Harness(percent(10));
    h.bar("AAPL", 1, 50);
    h.signal("AAPL", 1, Direction.SHORT);
    assertThat(h.orders).isEmpty();

    h.signal("AAPL", 1, Direction.LONG);
    h.fill(0, 2, 50);
    h.bar("AAPL", 2, 55);
    h.signal("AAPL", 2, Direction.SHORT);

    assertThat(h.orders).hasSize(2);
    assertThat(h.order(1).side()).isEqualTo(Side.SELL);
    assertThat(h.order(1).quantity()).isCloseTo(200, within(EPS));
    h.fill(1, 3, 55);
    h.bar("AAPL", 3, 54);
    h.signal("AAPL", 3, Direction.SHORT);
    assertThat(h.orders).hasSize(2);
    assertThat(h.risk.book().position("AAPL")).isZero();
  }

  @Test
  void withAllowShortAShortSignalReversesALongInTwoOrders() {
    Harness h = new Harness(percent(10).withAllowShort(true));
    h.bar("AAPL", 1, 50);
    h.signal("AAPL", 1, Direction.LONG);
    h.fill(0, 2, 50);
    h.bar("AAPL", 2, 40); // equity 100 000 − 10 000 + 200 × 40 = 98 000
    h.signal("AAPL", 2, Direction.SHORT);

    assertThat(h.orders).hasSize(3);
    assertThat(h.order(1).side()).isEqualTo(Side.SELL);
    assertThat(h.order(1).quantity()).isCloseTo(200, within(EPS));
    // entry: 10 % of 98 000 at 40 = 245
    assertThat(h.order(2).side()).isEqualTo(Side.SELL);
    assertThat(h.order(2).quantity()).isCloseTo(245, within(EPS));
    assertThat(h.order(2).reason()).startsWith("enter short on signal SHORT");

    h.fill(1, 3, 40);
    h.fill(2, 3, 40);
    assertThat(h.risk.book().position("AAPL")).isCloseTo(-245, within(EPS));
    h.bar("AAPL", 3, 38);
    h.signal("AAPL", 3, Direction.FLAT);
    assertThat(h.order(3).side()).isEqualTo(Side.BUY);
    assertThat(h.order(3).quantity()).isCloseTo(245, within(EPS));
  }

  @Test
  void fixedQuantityIsFractionalUnlessWholeUnits() {
    Harness fractional = new Harness(RiskConfig.of(Sizing.fixedQuantity(2.5)));
    fractional.bar("BTC", 1, 30_000);
    fractional.signal("BTC", 1, Direction.LONG);
    assertThat(fractional.order(0).quantity()).isEqualTo(2.5);

    Harness whole = new Harness(RiskConfig.of(Sizing.fixedQuantity(2.5)).withWholeUnits(true));
    whole.bar("BTC", 1, 30_000);
    whole.signal("BTC", 1, Direction.LONG);
    assertThat(whole.order(0).quantity()).isEqualTo(2.0);

    // 10 % of 100 000 at 30: 333.33... fractional, 333 in whole units
    Harness pct = new Harness(percent(10));
    pct.bar("X", 1, 30);
    pct.signal("X", 1, Direction.LONG);
    assertThat(pct.order(0).quantity()).isCloseTo(10_000.0 / 30, within(EPS));
    Harness pctWhole = new Harness(percent(10).withWholeUnits(true));
    pctWhole.bar("X", 1, 30);
    pctWhole.signal("X", 1, Direction.LONG);
    assertThat(pctWhole.order(0).quantity()).isEqualTo(333);
  }

  @Test
  void allInSendsANotionalOrderForAllTheCash() {
    Harness h = new Harness(RiskConfig.of(Sizing.allIn()).withWholeUnits(true));
    h.bar("AAPL", 1, 549.03);
    h.signal("AAPL", 1, Direction.LONG);

    Order o = h.order(0);
    assertThat(o.isNotional()).isTrue();
    assertThat(o.notional()).isEqualTo(100_000);
    assertThat(o.wholeUnits()).isTrue();
    assertThat(o.quantity()).isEqualTo(182); // floor(100 000 / 549.03), the estimate

    // the broker buys what the cash buys at the fill price; the next entry uses the cash left
    h.risk.onFill("AAPL", 2 * DAY, new Fill(o.orderId(), Side.BUY, 181, 550, 0));
    assertThat(h.risk.book().cash()).isCloseTo(100_000 - 181 * 550, within(EPS));
    h.bar("AAPL", 2, 560);
    h.signal("AAPL", 2, Direction.FLAT);
    h.fill(1, 3, 560);
    h.bar("AAPL", 3, 500);
    h.signal("AAPL", 3, Direction.LONG);
    assertThat(h.order(2).notional()).isCloseTo(100_000 + 181 * 10.0, within(EPS));
  }

  @Test
  void maxPositionPctReducesAnOversizedEntryAndSaysWhy() {
    Harness h = new Harness(percent(30).withLimits(20, 100));
    h.bar("AAPL", 1, 50);
    h.signal("AAPL", 1, Direction.LONG);

    // 30 % would be 600 × 50 = 30 000; the limit is 20 % of 100 000 = 20 000 → 400
    assertThat(h.order(0).quantity()).isCloseTo(400, within(EPS));
    assertThat(h.alerts).singleElement().satisfies(a -> {
      assertThat(a.alert().code()).isEqualTo("max_position_pct");
      assertThat(a.alert().message()).isEqualTo("LONG AAPL 600.000000 × 50.0000 = 30000.00 would be 30.00% of equity "
          + "100000.00, above max_position_pct 20.00%: reduced to 400.000000");
      assertThat(a.alert().details()).containsEntry("limit_pct", "20.00").containsEntry("allowed_quantity", "400.000000")
          .containsEntry("requested_quantity", "600.000000");
      assertThat(a.symbol()).isEqualTo("AAPL");
    });
  }

  @Test
  void maxPositionPctRefusesAnEntryThatCannotHoldOneWholeUnit() {
    Harness h = new Harness(percent(10).withLimits(0.01, 100).withWholeUnits(true));
    h.bar("AAPL", 1, 50); // the limit is 10.00, less than one unit at 50
    h.signal("AAPL", 1, Direction.LONG);

    assertThat(h.orders).isEmpty();
    assertThat(h.alert(0).code()).isEqualTo("max_position_pct");
    assertThat(h.alert(0).message()).endsWith(": refused");
  }

  @Test
  void maxTotalExposureCountsTheOtherPositionsAndPendingOrders() {
    Harness h = new Harness(percent(60).withLimits(100, 100));
    h.bar("AAPL", 1, 100);
    h.bar("MSFT", 1, 50);
    h.bar("GOOG", 1, 25);
    h.signal("AAPL", 1, Direction.LONG); // 600 × 100 = 60 000, pending
    h.signal("MSFT", 1, Direction.LONG); // 60 000 wanted, room 40 000 → 800

    assertThat(h.order(0).quantity()).isCloseTo(600, within(EPS));
    assertThat(h.order(1).quantity()).isCloseTo(800, within(EPS));
    assertThat(h.alert(0).code()).isEqualTo("max_total_exposure_pct");
    assertThat(h.alert(0).message()).isEqualTo("LONG MSFT 1200.000000 × 50.0000 = 60000.00 with the other positions "
        + "(60000.00) would make exposure 120.00% of equity 100000.00, above max_total_exposure_pct 100.00%: "
        + "reduced to 800.000000");

    h.fill(0, 2, 100);
    h.fill(1, 2, 50);
    h.signal("GOOG", 1, Direction.LONG); // no room at all

    assertThat(h.orders).hasSize(2);
    assertThat(h.alert(1).code()).isEqualTo("max_total_exposure_pct");
    assertThat(h.alert(1).message()).endsWith(": refused");
  }

  @Test
  void theSameRefusalIsNotRepeatedForARepeatedSignal() {
    Harness h = new Harness(percent(100).withLimits(100, 100));
    h.bar("AAPL", 1, 100);
    h.bar("MSFT", 1, 100);
    h.signal("AAPL", 1, Direction.LONG);
    h.fill(0, 2, 100);
    h.bar("AAPL", 2, 100);
    h.bar("MSFT", 2, 100);
    h.signal("MSFT", 2, Direction.LONG);
    h.bar("MSFT", 3, 100);
    h.signal("MSFT", 3, Direction.LONG);
    h.bar("MSFT", 4, 100);
    h.signal("MSFT", 4, Direction.LONG);

    assertThat(h.alerts).hasSize(1);
    assertThat(h.risk.alertsRepeated()).isEqualTo(2);

    h.signal("MSFT", 4, Direction.FLAT);
    h.bar("MSFT", 5, 100);
    h.signal("MSFT", 5, Direction.LONG); // a new direction: said again
    assertThat(h.alerts).hasSize(2);
  }

  @Test
  void stopLossExitsAndBlocksReEntryUntilTheSignalChanges() {
    Harness h = new Harness(percent(10).withStopLossPct(5));
    h.bar("AAPL", 1, 50);
    h.signal("AAPL", 1, Direction.LONG);
    h.fill(0, 2, 50); // average cost 50, stop 47.50
    h.bar("AAPL", 2, 47.6);
    assertThat(h.orders).hasSize(1);

    h.bar("AAPL", 3, 47.5);

    assertThat(h.orders).hasSize(2);
    assertThat(h.orders.get(1).time()).isEqualTo(3 * DAY);
    assertThat(h.order(1).side()).isEqualTo(Side.SELL);
    assertThat(h.order(1).quantity()).isCloseTo(200, within(EPS));
    assertThat(h.order(1).reason()).isEqualTo("stop-loss: close 47.5000 <= stop 47.5000 (5.00% below average cost 50.0000)");
    assertThat(h.alert(0).code()).isEqualTo("stop_loss_pct");
    assertThat(h.alert(0).message()).isEqualTo(
        "AAPL stop-loss: close 47.5000 <= stop 47.5000 (5.00% below average cost 50.0000): exiting 200.000000");
    assertThat(h.alert(0).detail(RiskAlert.ORDER_ID)).isEqualTo("risk-2");

    h.signal("AAPL", 3, Direction.LONG);
    h.fill(1, 4, 47);
    h.bar("AAPL", 4, 48);
    h.signal("AAPL", 4, Direction.LONG);
    assertThat(h.orders).hasSize(2); // still stopped out

    h.bar("AAPL", 5, 49);
    h.signal("AAPL", 5, Direction.FLAT);
    h.bar("AAPL", 6, 50);
    h.signal("AAPL", 6, Direction.LONG);
    assertThat(h.orders).hasSize(3);
    assertThat(h.order(2).side()).isEqualTo(Side.BUY);
  }

  @Test
  void aStopAndASignalOfTheSameBarGiveTheSameOrdersWhicheverArrivesFirst() {
    for (boolean signalFirst : new boolean[] {true, false}) {
      Harness h = new Harness(percent(10).withStopLossPct(5).withAllowShort(true));
      h.bar("AAPL", 1, 50);
      h.signal("AAPL", 1, Direction.LONG);
      h.fill(0, 2, 50);
      if (signalFirst) {
        h.signal("AAPL", 2, Direction.SHORT);
        h.bar("AAPL", 2, 40);
      } else {
        h.bar("AAPL", 2, 40);
        h.signal("AAPL", 2, Direction.SHORT);
      }
      h.fill(1, 3, 40);
      assertThat(h.orders).as("signal first: %s", signalFirst).hasSize(3);
      assertThat(h.order(1).reason()).startsWith("stop-loss");
      assertThat(h.order(2).reason()).startsWith("enter short");
    }
  }

  @Test
  void anEmergencyStopClosesEverythingAndRefusesNewEntries() {
    Harness h = new Harness(RiskConfig.of(Sizing.fixedQuantity(1_000)).withEmergencyStopLoss(0.10));
    h.bar("AAPL", 1, 50);
    h.bar("MSFT", 1, 20);
    h.signal("AAPL", 1, Direction.LONG); // 1000 × 50
    h.signal("MSFT", 1, Direction.LONG); // 1000 × 20
    h.fill(0, 2, 50);
    h.fill(1, 2, 20);
    h.bar("AAPL", 2, 46); // equity 100 000 − 4 000 = 96 000: a 4 % drawdown
    assertThat(h.alerts).isEmpty();
    h.bar("AAPL", 3, 70); // 120 000: the peak
    h.bar("AAPL", 4, 59); // 109 000: 9.17 %
    assertThat(h.alerts).isEmpty();

    h.bar("MSFT", 4, 17); // 106 000: (120 000 − 106 000) / 120 000 = 11.67 % > 10 %

    assertThat(h.alert(0).code()).isEqualTo("emergency_stop_loss");
    assertThat(h.alert(0).message()).isEqualTo("drawdown 11.67% from peak equity 120000.00 to 106000.00 exceeds "
        + "emergency_stop_loss 10.00%: closing every position and refusing new entries");
    assertThat(h.risk.halted()).isTrue();
    assertThat(h.orders.subList(2, 4)).extracting(s -> s.symbol() + " " + s.order().side() + " " + s.order().quantity())
        .containsExactly("AAPL SELL 1000.0", "MSFT SELL 1000.0");
    assertThat(h.order(2).reason()).isEqualTo("emergency stop: exit long");

    h.fill(2, 5, 59);
    h.fill(3, 5, 17);
    h.bar("GOOG", 5, 10);
    h.signal("GOOG", 5, Direction.LONG);

    assertThat(h.orders).hasSize(4);
    assertThat(h.alert(1).code()).isEqualTo("emergency_stop_loss");
    assertThat(h.alert(1).message()).isEqualTo("LONG GOOG refused: trading is halted by emergency_stop_loss 10.00%");
  }

  @Test
  void aSymbolWithAPendingOrderWaitsAndThenActsOnItsLatestSignal() {
    Harness h = new Harness(percent(10));
    h.bar("AAPL", 1, 50);
    h.signal("AAPL", 1, Direction.LONG);
    h.bar("AAPL", 2, 51);
    h.signal("AAPL", 2, Direction.FLAT); // the entry is not filled yet
    assertThat(h.orders).hasSize(1);
    assertThat(h.risk.pendingOrders()).isEqualTo(1);

    h.fill(0, 3, 52);

    assertThat(h.orders).hasSize(2);
    assertThat(h.order(1).side()).isEqualTo(Side.SELL);
    assertThat(h.orders.get(1).time()).isEqualTo(3 * DAY); // decided at the fill, not before
  }

  @Test
  void aRejectedOrderIsNoLongerPending() {
    Harness h = new Harness(percent(10));
    h.bar("AAPL", 1, 50);
    h.signal("AAPL", 1, Direction.LONG);
    h.risk.onOrderRejected("risk-1");
    assertThat(h.risk.pendingOrders()).isZero();
    h.bar("AAPL", 2, 50);
    h.signal("AAPL", 2, Direction.LONG);
    assertThat(h.orders).extracting(s -> s.order().orderId()).containsExactly("risk-1", "risk-2");
  }

  @Test
  void fillsOfOtherOrdersAreIgnored() {
    Harness h = new Harness(percent(10));
    h.risk.onFill("AAPL", DAY, new Fill("manual-1", Side.BUY, 10, 50, 0));
    assertThat(h.risk.foreignFills()).isEqualTo(1);
    assertThat(h.risk.book().position("AAPL")).isZero();
  }

  @Test
  void theSameInputGivesTheSameOrdersAndAlerts() {
    List<String> first = replay(7);
    List<String> second = replay(7);
    assertThat(first).isNotEmpty().isEqualTo(second);
  }

  private static List<String> replay(long seed) {
    Random random = new Random(seed);
    Harness h = new Harness(percent(40).withAllowShort(true).withLimits(30, 80).withStopLossPct(3));
    String[] symbols = {"A", "B", "C"};
    double[] prices = {100, 50, 20};
    Direction[] directions = Direction.values();
    int filled = 0;
    for (int day = 1; day < 200; day++) {
      for (int s = 0; s < symbols.length; s++) {
        prices[s] *= 1 + (random.nextDouble() - 0.5) * 0.06;
        while (filled < h.orders.size()) {
          h.fill(filled++, day, prices[s]);
        }
        h.bar(symbols[s], day, prices[s]);
        h.signal(symbols[s], day, directions[random.nextInt(directions.length)]);
      }
    }
    List<String> out = new ArrayList<>();
    h.orders.forEach(o -> out.add(o.symbol() + " " + o.time() + " " + o.order()));
    h.alerts.forEach(a -> out.add(a.symbol() + " " + a.time() + " " + a.alert()));
    return out;
  }
}
