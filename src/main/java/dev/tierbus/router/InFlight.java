package dev.tierbus.router;

import io.vertx.core.Future;

/**
 * The work in flight on a node: events queued or being handled on any tier and on the
 * containers' internal buses, plus the work containers declare themselves (a pending timer,
 * an asynchronous call) with {@link #begin}/{@link #end}.
 *
 * <p>Quiescence: {@link #whenZero()} completes once nothing is in flight — everything caused by
 * what was published before has been handled. It is exact because work caused by an event is
 * begun before that event's handling ends, so the count never passes through zero while
 * anything caused by it is left. A simulated clock (a backtest) releases the next bar only
 * then, which makes the results independent of thread timing.
 *
 * <p>Counting is per batch on the fast tier and per event elsewhere; it is always on.
 * Thread-safe.
 */
public interface InFlight {

  /**
   * Declares {@code n} units of work started. Call it before the work can end, and for work
   * caused by an event, before that event's handler returns.
   */
  void begin(long n);

  /** Declares {@code n} units of work finished. */
  void end(long n);

  /** Units of work in flight now. */
  long count();

  /**
   * Completes once the count is zero (at once when it is zero now). Its listeners run on the
   * caller's context.
   */
  Future<Void> whenZero();
}
