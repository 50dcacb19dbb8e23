package dev.tierbus.trading.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tierbus.event.Bar;
import dev.tierbus.event.Fill;
import dev.tierbus.event.Order;
import dev.tierbus.event.RiskAlert;
import dev.tierbus.event.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PaperBrokerTest {

  private static final double EPS = 1e-9;
  private static final long T0 = 1_000;
  private static final long T1 = 2_000;
  private static final long T2 = 3_000;

  private record Filled(String symbol, long time, Fill fill) {}

  private final List<Filled> fills = new ArrayList<>();
  private final List<RiskAlert> rejections = new ArrayList<>();

  private PaperBroker broker(FillTiming timing, CostModel costs) {
    return new PaperBroker(new ExecutionConfig(timing, costs, 100), new PaperBroker.Sink() {
      @Override
      public void fill(String symbol, long timeNanos, Fill fill) {
        fills.add(new Filled(symbol, timeNanos, fill));
      }

      @Override
      public void reject(String symbol, long timeNanos, RiskAlert alert) {
        rejections.add(alert);
      }
    });
  }

  private static Bar bar(double open, double high, double low, double close) {
    return new Bar("1D", open, high, low, close, 1_000);
  }

  @Test
  void marketOrdersFillAtTheNextOpenWithSlippageAndCommission() {
    // commission 0.1 % + 0.01 per share, at least 1; slippage 10 bps
    PaperBroker b = broker(FillTiming.NEXT_OPEN, new CostModel(0.1, 0.01, 1.0, 10));
    b.onBar("AAPL", T0, bar(49, 51, 48, 50));
    b.onOrder("AAPL", T0, Order.market("r-1", Side.BUY, 100, "entry"));
    assertThat(fills).isEmpty(); // not at the signal bar's close

    b.onBarOpen("AAPL", T1, 50.0);

    // price 50 × (1 + 0.001) = 50.05; commission 100 × 50.05 × 0.1 % + 100 × 0.01 = 5.005 + 1 = 6.005
    assertThat(fills).hasSize(1);
    Filled f = fills.get(0);
    assertThat(f.symbol()).isEqualTo("AAPL");
    assertThat(f.time()).isEqualTo(T1);
    assertThat(f.fill().orderId()).isEqualTo("r-1");
    assertThat(f.fill().side()).isEqualTo(Side.BUY);
    assertThat(f.fill().quantity()).isEqualTo(100);
    assertThat(f.fill().price()).isCloseTo(50.05, within(EPS));
    assertThat(f.fill().commission()).isCloseTo(6.005, within(EPS));

    b.onBar("AAPL", T1, bar(50, 61, 49.5, 60));
    b.onOrder("AAPL", T1, Order.market("r-2", Side.SELL, 100, "exit"));
    b.onBarOpen("AAPL", T2, 60.0);
    // price 60 × 0.999 = 59.94; commission 100 × 59.94 × 0.1 % + 1 = 5.994 + 1 = 6.994
    assertThat(fills.get(1).fill().price()).isCloseTo(59.94, within(EPS));
    assertThat(fills.get(1).fill().commission()).isCloseTo(6.994, within(EPS));

    b.onBar("AAPL", T2, bar(60, 61, 59, 60));
    b.onOrder("AAPL", T2, Order.market("r-3", Side.BUY, 1, "small"));
    b.onBarOpen("AAPL", T2 + 1_000, 20.0);
    // 1 × 20.02 × 0.1 % + 0.01 = 0.03002 < the minimum: 1
    assertThat(fills.get(2).fill().commission()).isEqualTo(1.0);
    assertThat(b.fills()).isEqualTo(3);
    assertThat(b.workingOrders()).isZero();
  }

  @Test
  void withoutBarOpenTheNextBarFillsAtItsOpenAndSlippageStaysInsideTheBar() {
    PaperBroker b = broker(FillTiming.NEXT_OPEN, new CostModel(0, 0, 0, 10));
    b.onOrder("AAPL", T0, Order.market("r-1", Side.BUY, 10, null));
    b.onOrder("AAPL", T0, Order.market("r-2", Side.SELL, 5, null));

    // open 50, high 50.02: the buy's 50.05 is clamped to the high; the sell's 49.95 is inside
    b.onBar("AAPL", T1, bar(50, 50.02, 49, 49.5));

    assertThat(fills).extracting(f -> f.fill().price()).containsExactly(50.02, 50 * 0.999);
    assertThat(fills).extracting(Filled::time).containsOnly(T1);

    b.onOrder("AAPL", T1, Order.market("r-3", Side.SELL, 5, null));
    b.onBar("AAPL", T2, bar(49.01, 50, 49.0, 49.5));
    // 49.01 × 0.999 = 48.961 is below the low: 49.0
    assertThat(fills.get(2).fill().price()).isEqualTo(49.0);
  }

  @Test
  void aFillAtBarOpenKeepsItsSlippageAndIsCountedWhenTheBarDidNotTradeThere() {
    PaperBroker b = broker(FillTiming.NEXT_OPEN, new CostModel(0, 0, 0, 10));
    b.onOrder("AAPL", T0, Order.market("r-1", Side.BUY, 10, null));
    b.onBarOpen("AAPL", T1, 50.0);
    assertThat(fills.get(0).fill().price()).isCloseTo(50.05, within(EPS));

    b.onBar("AAPL", T1, bar(50, 50.02, 49, 49.5));

    assertThat(b.openFillsOutsideRange()).isEqualTo(1);
  }

  @Test
  void anOrderArrivingAfterTheOpenFillsAtThatBarsCloseNotAtThePassedOpen() {
    PaperBroker b = broker(FillTiming.NEXT_OPEN, CostModel.FREE);
    b.onBar("AAPL", T0, bar(49, 51, 48, 50));
    b.onBarOpen("AAPL", T1, 52.0);
    b.onOrder("AAPL", T0, Order.market("late", Side.BUY, 1, null));

    b.onBar("AAPL", T1, bar(52, 54, 51, 53));

    assertThat(fills).singleElement().satisfies(f -> {
      assertThat(f.fill().price()).isEqualTo(53.0);
      assertThat(f.time()).isEqualTo(T1);
    });
  }

  @Test
  void fillAtCloseUsesTheSignalBarsCloseAtOnceOrWhenTheBarArrives() {
    PaperBroker b = broker(FillTiming.CLOSE, new CostModel(0, 0, 0, 10));
    b.onBar("AAPL", T0, bar(49, 52, 48, 51));

    b.onOrder("AAPL", T0, Order.market("r-1", Side.BUY, 10, null));

    // 51 × 1.001 = 51.051, inside [48, 52]; at the signal bar's time
    assertThat(fills).singleElement().satisfies(f -> {
      assertThat(f.fill().price()).isCloseTo(51.051, within(EPS));
      assertThat(f.time()).isEqualTo(T0);
    });

    b.onOrder("AAPL", T1, Order.market("r-2", Side.SELL, 10, null)); // its bar has not arrived yet
    b.onBarOpen("AAPL", T1, 55.0);
    assertThat(fills).hasSize(1); // not at the open
    b.onBar("AAPL", T1, bar(55, 56, 53.99, 54));
    // 54 × 0.999 = 53.946, below the low: 53.99
    assertThat(fills.get(1).fill().price()).isEqualTo(53.99);
    assertThat(fills.get(1).time()).isEqualTo(T1);
  }

  @Test
  void limitOrdersFillAtTheLimitOrABetterOpenOnlyWhenTheBarReachesIt() {
    PaperBroker b = broker(FillTiming.NEXT_OPEN, new CostModel(0, 0, 0, 10));
    b.onOrder("AAPL", T0, new Order("buy-48", Side.BUY, 1, 48, null));
    b.onOrder("AAPL", T0, new Order("buy-49.5", Side.BUY, 1, 49.5, null));
    b.onOrder("AAPL", T0, new Order("sell-52", Side.SELL, 1, 52, null));
    b.onOrder("AAPL", T0, new Order("sell-60", Side.SELL, 1, 60, null));

    b.onBarOpen("AAPL", T1, 50.0); // no limit is marketable at 50
    assertThat(fills).isEmpty();
    b.onBar("AAPL", T1, bar(50, 53, 49, 50.5));

    // buy 49.5: the low 49 reached it → at the limit; sell 52: the high 53 reached it → at the limit
    assertThat(fills).extracting(f -> f.fill().orderId() + "@" + f.fill().price())
        .containsExactly("buy-49.5@49.5", "sell-52@52.0");

    b.onBarOpen("AAPL", T2, 47.5);
    // the open 47.5 is better than 48: at the open plus slippage, 47.5475, still better than the limit
    assertThat(fills.get(2).fill().orderId()).isEqualTo("buy-48");
    assertThat(fills.get(2).fill().price()).isCloseTo(47.5475, within(EPS));
    b.onBar("AAPL", T2, bar(47.5, 59.9, 47, 59));
    assertThat(b.workingOrders()).isEqualTo(1); // sell 60 was never reached: still working
  }

  @Test
  void limitFillsNeverLeaveTheBarOrPassTheLimit() {
    Random random = new Random(20240102);
    PaperBroker b = broker(FillTiming.NEXT_OPEN, new CostModel(0, 0, 0, 30));
    List<Bar> bars = new ArrayList<>();
    List<Order> orders = new ArrayList<>();
    double price = 100;
    long t = T0;
    for (int i = 0; i < 2_000; i++) {
      Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
      double limit = price * (1 + (random.nextDouble() - 0.5) * 0.04);
      Order o = new Order("o" + i, side, 1, limit, null);
      orders.add(o);
      b.onOrder("X", t, o);
      t += 1_000;
      double open = price * (1 + (random.nextDouble() - 0.5) * 0.02);
      double close = open * (1 + (random.nextDouble() - 0.5) * 0.02);
      double high = Math.max(open, close) * (1 + random.nextDouble() * 0.005);
      double low = Math.min(open, close) * (1 - random.nextDouble() * 0.005);
      Bar bar = bar(open, high, low, close);
      bars.add(bar);
      int before = fills.size();
      b.onBar("X", t, bar);
      for (Filled f : fills.subList(before, fills.size())) {
        Order order = orders.get(Integer.parseInt(f.fill().orderId().substring(1)));
        assertThat(f.fill().price()).as("fill of %s in %s", order, bar).isBetween(bar.low(), bar.high());
        if (order.side() == Side.BUY) {
          assertThat(f.fill().price()).isLessThanOrEqualTo(order.limitPrice());
        } else {
          assertThat(f.fill().price()).isGreaterThanOrEqualTo(order.limitPrice());
        }
      }
      price = close;
    }
    assertThat(fills.size()).as("a good share of the limits is reached").isGreaterThan(1_000);
  }

  @Test
  void aNotionalOrderSpendsAllOfItAtTheFillPriceAndNoMore() {
    PaperBroker b = broker(FillTiming.NEXT_OPEN, new CostModel(0.1, 0, 0, 0));
    b.onOrder("AAPL", T0, Order.marketNotional("all", Side.BUY, 10_000, 200, false, "all in"));
    b.onOrder("AAPL", T0, Order.marketNotional("whole", Side.BUY, 10_000, 200, true, "all in"));

    b.onBarOpen("AAPL", T1, 50.0); // the close was lower; the open gapped up

    Fill all = fills.get(0).fill();
    // q = 10 000 / (50 × 1.001) = 199.80019980...
    assertThat(all.quantity()).isCloseTo(10_000 / 50.05, within(1e-9));
    assertThat(all.quantity() * all.price() + all.commission()).isLessThanOrEqualTo(10_000);
    Fill whole = fills.get(1).fill();
    assertThat(whole.quantity()).isEqualTo(199);
    assertThat(whole.commission()).isCloseTo(199 * 50 * 0.001, within(EPS));
  }

  @Test
  void anIdUsedAgainForAnotherOrderIsRejectedAndTheFirstOrderStillTrades() {
    PaperBroker b = broker(FillTiming.NEXT_OPEN, new CostModel(0, 0, 1.0, 0));
    b.onOrder("AAPL", T0, Order.market("risk-1", Side.BUY, 10, "first"));
    // a restarted sender counting from 1 again: another order under the same id
    b.onOrder("AAPL", T0, Order.market("risk-1", Side.SELL, 10, "second"));
    b.onOrder("MSFT", T0, Order.market("risk-1", Side.BUY, 10, "first"));
    b.onBarOpen("AAPL", T1, 10.0);

    assertThat(b.reusedIds()).isEqualTo(2);
    assertThat(b.duplicateOrders()).isZero();
    assertThat(rejections).extracting(a -> a.detail(RiskAlert.ORDER_ID)).containsExactly("risk-1", "risk-1");
    assertThat(rejections.get(0).message()).isEqualTo("order risk-1 rejected: its id was already used for another"
        + " order (BUY 10 AAPL); order ids must be unique");
    assertThat(fills).extracting(f -> f.fill().side()).containsExactly(Side.BUY);
  }

  @Test
  void unfillableOrBadOrdersAreRejectedWithTheirIdAndARedeliveredOrderTradesOnce() {
    PaperBroker b = broker(FillTiming.NEXT_OPEN, new CostModel(0, 0, 1.0, 0));
    b.onOrder("AAPL", T0, Order.marketNotional("tiny", Side.BUY, 0.5, 0.01, false, null));
    b.onOrder(null, T0, Order.market("nosymbol", Side.BUY, 1, null));
    b.onOrder("AAPL", T0, Order.market("dup", Side.BUY, 1, null));
    b.onOrder("AAPL", T0, Order.market("dup", Side.BUY, 1, null));
    b.onBarOpen("AAPL", T1, 10.0);

    assertThat(rejections).extracting(a -> a.detail(RiskAlert.ORDER_ID)).containsExactly("nosymbol", "tiny");
    assertThat(b.duplicateOrders()).isEqualTo(1);
    assertThat(rejections).extracting(RiskAlert::code).containsOnly(PaperBroker.REJECTED);
    assertThat(rejections.get(1).message())
        .isEqualTo("order tiny rejected: notional 0.50 does not buy anything at 10.0000 after commission");
    assertThat(fills).extracting(f -> f.fill().orderId()).containsExactly("dup");
  }

  @Test
  void barsNotLaterThanTheLastAreIgnored() {
    PaperBroker b = broker(FillTiming.NEXT_OPEN, CostModel.FREE);
    b.onBar("AAPL", T1, bar(1, 1, 1, 1));
    b.onOrder("AAPL", T0, Order.market("r", Side.BUY, 1, null));
    b.onBar("AAPL", T1, bar(2, 2, 2, 2));
    b.onBar("AAPL", T0, bar(3, 3, 3, 3));
    assertThat(b.staleBars()).isEqualTo(2);
    assertThat(fills).isEmpty();
    b.onBar("AAPL", T2, bar(4, 4, 4, 4));
    assertThat(fills).singleElement().satisfies(f -> assertThat(f.fill().price()).isEqualTo(4.0));
  }
}
