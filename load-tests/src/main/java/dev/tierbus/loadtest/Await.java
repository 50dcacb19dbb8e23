package dev.tierbus.loadtest;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Blocking helpers for the harness's main thread (never called on a Vert.x thread). */
final class Await {

  static final long TIMEOUT_SECONDS = 30;

  private Await() {}

  /** The result of {@code future}, waiting at most {@value #TIMEOUT_SECONDS} s. */
  static <T> T result(Future<T> future) throws Exception {
    return result(future, TIMEOUT_SECONDS);
  }

  /** The result of {@code future}, waiting at most {@code seconds}. */
  static <T> T result(Future<T> future, long seconds) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof Exception ex ? ex : e;
    } catch (TimeoutException e) {
      throw new TimeoutException("not completed within " + seconds + " s");
    }
  }

  /**
   * Polls {@code condition} every 100 µs until it holds; returns {@link System#nanoTime()} at
   * that moment, or throws after {@code timeoutMillis}.
   */
  static long until(BooleanSupplier condition, long timeoutMillis, String what) throws TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("timed out after " + timeoutMillis + " ms waiting for " + what);
      }
      LockSupport.parkNanos(100_000);
    }
    return System.nanoTime();
  }
}
