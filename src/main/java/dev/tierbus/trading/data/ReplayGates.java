package dev.tierbus.trading.data;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Objects;

/**
 * The built-in {@link ReplayGate}s, which implement a data container's {@code speed} and
 * {@code bar_interval_ms}.
 *
 * <ul>
 *   <li>{@link #asFastAsPossible()} ({@code speed: max}): every turn at once; the container
 *       hands its context back between chunks of events so timers, inbound events and
 *       undeploy still get their turn.</li>
 *   <li>{@link #marketTime(Vertx, double, long)} ({@code speed: 60}): market time runs
 *       {@code speed} times faster than wall time from the first bar on; the OPEN phase of t
 *       is released at {@code (t − t0) / speed} after the start and the CLOSE phase at
 *       {@code (t + timeframe − t0) / speed}, when the period has ended.</li>
 *   <li>{@link #fixedInterval(Vertx, long)} ({@code bar_interval_ms: 200}): one bar time per
 *       interval whatever the gaps between bar times (weekends, overnight); the CLOSE phase
 *       follows its OPEN at once. What a live demo wants.</li>
 * </ul>
 * The paced gates schedule against the start, not the previous turn, so delays do not add
 * up; a turn that is already due is released at once. They use Vert.x timers of the
 * calling context.
 */
public final class ReplayGates {

  private static final Future<Void> NOW = Future.succeededFuture();
  private static final ReplayGate AS_FAST_AS_POSSIBLE = new ReplayGate() {
    @Override
    public Future<Void> awaitTurn(long timeNanos, Phase phase) {
      return NOW;
    }

    @Override
    public boolean flushEveryPhase() {
      return false;
    }
  };

  private ReplayGates() {}

  /** Releases every turn at once; batches are not flushed per phase ({@link ReplayGate#flushEveryPhase()}). */
  public static ReplayGate asFastAsPossible() {
    return AS_FAST_AS_POSSIBLE;
  }

  /**
   * Paces by market time, {@code speed} times faster than wall time.
   *
   * @param speed > 0: 1 is real time, 60 is a minute of market per second
   * @param timeframeNanos the bars' period, > 0
   */
  public static ReplayGate marketTime(Vertx vertx, double speed, long timeframeNanos) {
    Objects.requireNonNull(vertx, "vertx");
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a finite number > 0, was " + speed);
    }
    if (timeframeNanos <= 0) {
      throw new IllegalArgumentException("timeframeNanos must be > 0, was " + timeframeNanos);
    }
    return new ReplayGate() {
      private long firstBar = Long.MIN_VALUE;
      private long startWall;

      @Override
      public Future<Void> awaitTurn(long timeNanos, Phase phase) {
        if (firstBar == Long.MIN_VALUE) {
          firstBar = timeNanos;
          startWall = System.nanoTime();
        }
        long market = timeNanos - firstBar + (phase == Phase.CLOSE ? timeframeNanos : 0);
        return at(vertx, startWall + (long) (market / speed));
      }
    };
  }

  /**
   * Releases one bar time every {@code intervalMs}: the OPEN phase of the k-th bar time at
   * {@code k × intervalMs} after the first, its CLOSE phase right after.
   */
  public static ReplayGate fixedInterval(Vertx vertx, long intervalMs) {
    Objects.requireNonNull(vertx, "vertx");
    if (intervalMs < 1) {
      throw new IllegalArgumentException("intervalMs must be >= 1, was " + intervalMs);
    }
    long intervalNanos = intervalMs * 1_000_000L;
    return new ReplayGate() {
      private long opens;
      private long startWall;

      @Override
      public Future<Void> awaitTurn(long timeNanos, Phase phase) {
        if (phase == Phase.CLOSE) {
          return NOW;
        }
        if (opens == 0) {
          startWall = System.nanoTime();
        }
        return at(vertx, startWall + opens++ * intervalNanos);
      }
    };
  }

  /** A Future completed at the wall time {@code dueNanos} (System.nanoTime), or now if that has passed. */
  private static Future<Void> at(Vertx vertx, long dueNanos) {
    long delayMs = (dueNanos - System.nanoTime()) / 1_000_000L;
    if (delayMs < 1) {
      return NOW;
    }
    Promise<Void> promise = Promise.promise();
    vertx.setTimer(delayMs, id -> promise.complete());
    return promise.future();
  }
}
