package dev.tierbus.trading.ensemble;

import dev.tierbus.event.Signal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Collects the members' signals per (symbol, timeframe, bar time) and aggregates each group
 * once: the {@code collect_and_aggregate} pattern.
 *
 * <pre>
 *   first signal of a group ──► open the group, start its timer (timeout_ms)
 *   every member reported   ──► aggregate at once, cancel the timer
 *   timer fires             ──► require_all_signals: drop the group, count it incomplete
 *                               otherwise: aggregate the signals that arrived
 * </pre>
 *
 * <p>Each group produces at most one result. A signal for a group already closed is late:
 * counted and ignored. The keys of the last {@value #CLOSED_MEMORY} closed groups are kept to
 * recognise late signals (overflow rule: the oldest key is forgotten; a signal later still
 * would open a new group, which then times out on its own). Open groups are bounded by the
 * timeout: each lives at most {@code timeout_ms}. A second signal of one member for one
 * group is counted as a duplicate and ignored (the first one counts).
 *
 * <p>Not thread-safe: used from the ensemble's context, and {@link Timers} must run its tasks
 * there too. The counters are volatile, single-writer: safe to read from any thread.
 */
public final class SignalAggregator {

  /** How many closed group keys are remembered to recognise late signals. */
  public static final int CLOSED_MEMORY = 10_000;

  /** Schedules the group timeouts; a Vert.x timer set on the container's context in production. */
  public interface Timers {
    long schedule(long delayMs, Runnable task);

    void cancel(long timerId);
  }

  /** One aggregated signal, for the bar at {@code timeNanos} of (symbol, timeframe). */
  public record Result(String symbol, String timeframe, long timeNanos, Signal signal, int received) {}

  private record Key(String symbol, String timeframe, long timeNanos) {}

  private static final class Group {
    final Signal[] signals;
    int received;
    long timerId;

    Group(int members) {
      this.signals = new Signal[members];
    }
  }

  private final String ensembleId;
  private final AggregationMethod method;
  private final String[] members;
  private final double[] weights;
  private final long timeoutMs;
  private final boolean requireAll;
  private final Timers timers;
  private final Consumer<Result> out;
  private final Map<Key, Group> open = new HashMap<>();
  private final Map<Key, Boolean> closed = new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
      return size() > CLOSED_MEMORY;
    }
  };
  private volatile long aggregated;
  private volatile long partial;
  private volatile long incomplete;
  private volatile long late;
  private volatile long duplicates;
  private volatile long unknownMembers;

  public SignalAggregator(String ensembleId, EnsembleConfig config, Timers timers, Consumer<Result> out) {
    this.ensembleId = Objects.requireNonNull(ensembleId, "ensembleId");
    this.method = config.method();
    List<String> m = config.members();
    this.members = m.toArray(new String[0]);
    this.weights = config.weights();
    this.timeoutMs = config.timeoutMs();
    this.requireAll = config.requireAllSignals();
    this.timers = Objects.requireNonNull(timers, "timers");
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Takes member {@code member}'s signal for the bar at {@code timeNanos} of
   * (symbol, timeframe); may publish a result before returning.
   */
  public void onSignal(String member, String symbol, String timeframe, long timeNanos, Signal signal) {
    int index = indexOf(member);
    if (index < 0) {
      unknownMembers++;
      return;
    }
    Key key = new Key(symbol, timeframe, timeNanos);
    Group group = open.get(key);
    if (group == null) {
      if (closed.containsKey(key)) {
        late++;
        return;
      }
      group = new Group(members.length);
      open.put(key, group);
      group.timerId = timers.schedule(timeoutMs, () -> timedOut(key));
    }
    if (group.signals[index] != null) {
      duplicates++;
      return;
    }
    group.signals[index] = signal;
    if (++group.received == members.length) {
      timers.cancel(group.timerId);
      close(key);
      emit(key, group);
    }
  }

  private void timedOut(Key key) {
    Group group = open.get(key);
    if (group == null) {
      return;
    }
    close(key);
    if (requireAll) {
      incomplete++;
    } else {
      partial++;
      emit(key, group);
    }
  }

  private void close(Key key) {
    open.remove(key);
    closed.put(key, Boolean.TRUE);
  }

  private void emit(Key key, Group group) {
    aggregated++;
    Signal signal = method.aggregate(members, weights, group.signals, ensembleId);
    out.accept(new Result(key.symbol, key.timeframe, key.timeNanos, signal, group.received));
  }

  private int indexOf(String member) {
    for (int i = 0; i < members.length; i++) {
      if (members[i].equals(member)) {
        return i;
      }
    }
    return -1;
  }

  /** Cancels every pending timeout and forgets the open groups (on undeploy). */
  public void close() {
    for (Group g : open.values()) {
      timers.cancel(g.timerId);
    }
    open.clear();
  }

  /** Groups aggregated and published (complete or, without require_all_signals, partial). */
  public long aggregated() {
    return aggregated;
  }

  /** Groups aggregated from only part of the members after the timeout. */
  public long partial() {
    return partial;
  }

  /** Groups dropped at the timeout because a member had not reported (require_all_signals). */
  public long incomplete() {
    return incomplete;
  }

  /** Signals that arrived after their group was closed. */
  public long late() {
    return late;
  }

  /** Second signals of a member for one group. */
  public long duplicates() {
    return duplicates;
  }

  /** Signals from containers that are not members. */
  public long unknownMembers() {
    return unknownMembers;
  }

  /** Groups waiting for signals now. */
  public int openGroups() {
    return open.size();
  }
}
