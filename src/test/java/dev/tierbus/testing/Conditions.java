package dev.tierbus.testing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.BooleanSupplier;

/** Waiting in asynchronous tests without fixed sleeps. */
public final class Conditions {

  /** How long {@link #eventually} waits by default: generous, for a loaded CI machine. */
  public static final long DEFAULT_TIMEOUT_MS = 10_000;
  /** How long {@link #eventually} keeps watching after the condition held, so extras show up. */
  public static final long SETTLE_MS = 100;

  private Conditions() {}

  /**
   * Completes {@value #SETTLE_MS} ms after {@code condition} first holds (so that anything that
   * should not arrive has had time to arrive), or fails after {@value #DEFAULT_TIMEOUT_MS} ms.
   */
  public static Future<Void> eventually(Vertx vertx, BooleanSupplier condition) {
    Promise<Void> promise = Promise.promise();
    long deadline = System.nanoTime() + DEFAULT_TIMEOUT_MS * 1_000_000L;
    vertx.setPeriodic(5, id -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(id);
        vertx.setTimer(SETTLE_MS, t -> promise.tryComplete());
      } else if (System.nanoTime() > deadline) {
        vertx.cancelTimer(id);
        promise.tryFail(new AssertionError("condition not met within " + DEFAULT_TIMEOUT_MS + " ms"));
      }
    });
    return promise.future();
  }
}
