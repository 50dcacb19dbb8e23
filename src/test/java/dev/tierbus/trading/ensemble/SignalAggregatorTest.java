package dev.tierbus.trading.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tierbus.event.Direction;
import dev.tierbus.event.Signal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalAggregatorTest {

  /** Timers the test fires by hand. */
  static final class ManualTimers implements SignalAggregator.Timers {
    final Map<Long, Runnable> pending = new LinkedHashMap<>();
    final List<Long> delays = new ArrayList<>();
    long next;

    @Override
    public long schedule(long delayMs, Runnable task) {
      delays.add(delayMs);
      pending.put(++next, task);
      return next;
    }

    @Override
    public void cancel(long timerId) {
      pending.remove(timerId);
    }

    void fireAll() {
      List<Runnable> tasks = new ArrayList<>(pending.values());
      pending.clear();
      tasks.forEach(Runnable::run);
    }
  }

  private static final Signal LONG = new Signal(Direction.LONG, 0.8, "l", null);
  private static final Signal SHORT = new Signal(Direction.SHORT, -0.6, "s", null);

  private static EnsembleConfig config(boolean requireAll) {
    return new EnsembleConfig(AggregationMethod.WEIGHTED_VOTING, List.of("a", "b", "c"),
        new double[] {0.4, 0.3, 0.3}, 100, requireAll);
  }

  @Test
  void aggregatesAtOnceWhenEveryMemberReported() {
    ManualTimers timers = new ManualTimers();
    List<SignalAggregator.Result> out = new ArrayList<>();
    SignalAggregator agg = new SignalAggregator("ens", config(true), timers, out::add);
    agg.onSignal("a", "AAPL", "1min", 1, LONG);
    agg.onSignal("b", "AAPL", "1min", 1, SHORT);
    assertThat(out).isEmpty();
    assertThat(timers.delays).containsExactly(100L);
    agg.onSignal("c", "AAPL", "1min", 1, LONG);
    assertThat(out).hasSize(1);
    assertThat(out.get(0).signal().strength()).isCloseTo(0.32 - 0.18 + 0.24, within(1e-12));
    assertThat(out.get(0).received()).isEqualTo(3);
    assertThat(timers.pending).isEmpty(); // timer cancelled
    assertThat(agg.aggregated()).isEqualTo(1);
    assertThat(agg.openGroups()).isZero();
  }

  @Test
  void requireAllDropsAGroupThatTimesOut() {
    ManualTimers timers = new ManualTimers();
    List<SignalAggregator.Result> out = new ArrayList<>();
    SignalAggregator agg = new SignalAggregator("ens", config(true), timers, out::add);
    agg.onSignal("a", "AAPL", "1min", 1, LONG);
    agg.onSignal("b", "AAPL", "1min", 1, SHORT);
    timers.fireAll();
    assertThat(out).isEmpty();
    assertThat(agg.incomplete()).isEqualTo(1);
    agg.onSignal("c", "AAPL", "1min", 1, LONG); // too late
    assertThat(out).isEmpty();
    assertThat(agg.late()).isEqualTo(1);
    assertThat(timers.pending).isEmpty();
  }

  @Test
  void withoutRequireAllAPartialGroupIsAggregatedAtTheTimeout() {
    ManualTimers timers = new ManualTimers();
    List<SignalAggregator.Result> out = new ArrayList<>();
    SignalAggregator agg = new SignalAggregator("ens", config(false), timers, out::add);
    agg.onSignal("a", "AAPL", "1min", 1, LONG);
    agg.onSignal("b", "AAPL", "1min", 1, SHORT);
    timers.fireAll();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).signal().strength()).isCloseTo(0.2, within(1e-12));
    assertThat(out.get(0).received()).isEqualTo(2);
    assertThat(agg.partial()).isEqualTo(1);
  }

  @Test
  void groupsAreKeptApartBySymbolTimeframeAndTime() {
    ManualTimers timers = new ManualTimers();
    List<SignalAggregator.Result> out = new ArrayList<>();
    SignalAggregator agg = new SignalAggregator("ens", config(true), timers, out::add);
    for (String member : List.of("a", "b", "c")) {
      agg.onSignal(member, "AAPL", "1min", 1, LONG);
      agg.onSignal(member, "AAPL", "5min", 1, SHORT);
      agg.onSignal(member, "MSFT", "1min", 1, LONG);
      agg.onSignal(member, "AAPL", "1min", 2, SHORT);
    }
    assertThat(out).extracting(r -> r.symbol() + "/" + r.timeframe() + "/" + r.timeNanos() + "/" + r.signal().direction())
        .containsExactly("AAPL/1min/1/LONG", "AAPL/5min/1/SHORT", "MSFT/1min/1/LONG", "AAPL/1min/2/SHORT");
  }

  @Test
  void duplicatesAndStrangersAreCountedAndIgnored() {
    ManualTimers timers = new ManualTimers();
    List<SignalAggregator.Result> out = new ArrayList<>();
    SignalAggregator agg = new SignalAggregator("ens", config(true), timers, out::add);
    agg.onSignal("a", "AAPL", "1min", 1, LONG);
    agg.onSignal("a", "AAPL", "1min", 1, SHORT);
    agg.onSignal("zz", "AAPL", "1min", 1, SHORT);
    agg.onSignal("b", "AAPL", "1min", 1, LONG);
    agg.onSignal("c", "AAPL", "1min", 1, LONG);
    assertThat(out).singleElement().satisfies(r -> assertThat(r.signal().direction()).isEqualTo(Direction.LONG));
    assertThat(agg.duplicates()).isEqualTo(1);
    assertThat(agg.unknownMembers()).isEqualTo(1);
  }

  @Test
  void closeCancelsPendingTimers() {
    ManualTimers timers = new ManualTimers();
    SignalAggregator agg = new SignalAggregator("ens", config(true), timers, r -> {});
    agg.onSignal("a", "AAPL", "1min", 1, LONG);
    agg.onSignal("a", "MSFT", "1min", 1, LONG);
    agg.close();
    assertThat(timers.pending).isEmpty();
    assertThat(agg.openGroups()).isZero();
  }
}
