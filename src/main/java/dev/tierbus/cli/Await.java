package dev.tierbus.cli;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a Future from the command line's own thread (never from a Vert.x thread). */
final class Await {

  private Await() {}

  /**
   * The Future's result.
   *
   * @throws Exception the Future's failure as it is, or a {@link TimeoutException}
   */
  static <T> T result(Future<T> future, Duration timeout) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      throw e;
    }
  }
}
