package dev.tierbus.trading.data;

import io.vertx.core.Future;

/**
 * Decides when a market-data replay may go on: the seam between a replay and the clock that
 * drives it (wall-clock pacing, or a backtest's simulated clock).
 *
 * <p>For each distinct bar time t of the replay (all symbols with a bar opening at t, see
 * {@link MarketDataContainer}) the container does, in this order:
 * <ol>
 *   <li>{@code awaitTurn(t, OPEN)}, and waits for the returned Future;</li>
 *   <li>publishes a BAR_OPEN ({@code dev.tierbus.event.BarOpen}) per symbol at t, and flushes
 *       the fast-tier batch (see {@link #flushEveryPhase()});</li>
 *   <li>{@code awaitTurn(t, CLOSE)}, and waits;</li>
 *   <li>publishes the period's TICKs (trades files with {@code publish_ticks}) and then the
 *       BAR per symbol at t, and flushes.</li>
 * </ol>
 * So when a gate's Future for (t, CLOSE) is asked for, everything of (t, OPEN) has been
 * handed to the router, and nothing of (t, CLOSE) has. A backtest clock completes each
 * Future only once the system has handled what the previous phase published ("quiet");
 * the built-in gates ({@link ReplayGates}) pace by wall time instead.
 *
 * <p>Calls come from the data container's context, one at a time, never overlapping: a call
 * is made only after the previous call's Future completed. The Future may be completed on
 * any thread; the container resumes on its own context. A failed Future stops the replay
 * ({@link MarketDataContainer#finished()} fails with its cause). One gate serves one data
 * container: a gate shared by several containers gets their calls interleaved.
 */
public interface ReplayGate {

  /** The two steps of one bar time. */
  enum Phase {
    /** Before the BAR_OPEN events of a bar time: the period starts. */
    OPEN,
    /** Before the TICK and BAR events of a bar time: the period has ended. */
    CLOSE
  }

  /**
   * Completes when the replay may publish {@code phase} of the bars opening at
   * {@code timeNanos} (nanoseconds since the epoch, market time).
   */
  Future<Void> awaitTurn(long timeNanos, Phase phase);

  /**
   * Whether the replay must flush its fast-tier batch at the end of every phase (true, the
   * default, and what a clock that watches the system needs). A gate that releases every
   * turn at once and watches nothing may say false: the replay then lets the fast tier
   * batch as usual (by size and age) and flushes only when it hands its context back and at
   * the end, which keeps batches large at full speed.
   */
  default boolean flushEveryPhase() {
    return true;
  }

  /**
   * The replay is over: every bar was published and flushed (or the replay stopped early:
   * undeploy, a failed gate, a bad file). Called once, on the container's context, before
   * {@link MarketDataContainer#finished()} completes. Default: nothing.
   */
  default void onEnd(ReplaySummary summary) {}
}
