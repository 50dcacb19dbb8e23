package dev.tierbus.testing;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waiting in tests without fixed sleeps, on Awaitility: blocking ({@link #waitUntil}) for
 * plain tests, as a Future ({@link #eventually}) for asynchronous ones. The condition is polled
 * every few milliseconds; a timeout is an {@link AssertionError} naming what was awaited.
 */
public final class Conditions {

  /** How long {@link #eventually} waits by default: generous, for a loaded CI machine. */
  public static final long DEFAULT_TIMEOUT_MS = 10_000;
  /** How long {@link #eventually} keeps watching after the condition held, so extras show up. */
  public static final long SETTLE_MS = 100;
  private static final Duration POLL = Duration.ofMillis(5);

  private Conditions() {}

  /**
   * Returns once {@code condition} holds.
   *
   * @throws AssertionError "{@code message}" when it does not within {@code timeout}
   */
  public static void waitUntil(BooleanSupplier condition, Duration timeout, Supplier<String> message) {
    try {
      await().pollDelay(Duration.ZERO).pollInterval(POLL).atMost(timeout).until(condition::getAsBoolean);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(message.get(), e);
    }
  }

  /**
   * Completes {@code settleMs} after {@code condition} first holds (so that anything that
   * should not arrive has had time to arrive), or fails with "{@code message}" after
   * {@code timeout}. The waiting happens off the Vert.x threads.
   */
  public static Future<Void> eventually(Vertx vertx, BooleanSupplier condition, Duration timeout, long settleMs,
      Supplier<String> message) {
    CompletableFuture<Void> waited = CompletableFuture.runAsync(() -> {
      waitUntil(condition, timeout, message);
      if (settleMs > 0) {
        try {
          Thread.sleep(settleMs);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }, ForkJoinPool.commonPool());
    return Future.fromCompletionStage(waited, vertx.getOrCreateContext());
  }

  /**
   * Completes {@value #SETTLE_MS} ms after {@code condition} first holds (so that anything that
   * should not arrive has had time to arrive), or fails after {@value #DEFAULT_TIMEOUT_MS} ms.
   */
  public static Future<Void> eventually(Vertx vertx, BooleanSupplier condition) {
    return eventually(vertx, condition, Duration.ofMillis(DEFAULT_TIMEOUT_MS), SETTLE_MS,
        () -> "condition not met within " + DEFAULT_TIMEOUT_MS + " ms");
  }
}
