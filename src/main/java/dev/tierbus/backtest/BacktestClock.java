package dev.tierbus.backtest;

import dev.tierbus.router.InFlight;
import dev.tierbus.trading.data.ReplayGate;
import dev.tierbus.trading.data.ReplaySummary;
import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * A backtest's simulated clock: releases each phase of the replay (a bar time's BAR_OPENs,
 * then its BARs) only once the node is quiet — everything the previous phase caused has been
 * handled ({@link InFlight#whenZero()}). So fills at a bar's open are applied before the
 * signals computed on its close, and nothing depends on thread timing: the same input gives
 * the same output. Market time is the bar times; no wall-clock pacing.
 */
public final class BacktestClock implements ReplayGate {

  private final Promise<InFlight> armed = Promise.promise();
  private final Promise<ReplaySummary> ended = Promise.promise();
  private final BacktestProgress progress;

  public BacktestClock(BacktestProgress progress) {
    this.progress = progress;
  }

  /** Starts the clock on the node's count of work in flight (once the topology is deployed). */
  public void arm(InFlight inFlight) {
    armed.tryComplete(inFlight);
  }

  @Override
  public Future<Void> awaitTurn(long timeNanos, Phase phase) {
    if (phase == Phase.OPEN) {
      progress.barTime(timeNanos);
    }
    return armed.future().compose(InFlight::whenZero);
  }

  @Override
  public void onEnd(ReplaySummary summary) {
    ended.tryComplete(summary);
  }

  /** Completes when the replay has published its last bar. */
  public Future<ReplaySummary> ended() {
    return ended.future();
  }
}
