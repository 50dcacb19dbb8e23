package dev.tierbus.loadtest;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one case on a thread of its own under a deadline ({@link LoadCase#deadlineMillis}), so
 * that a case that fails or never ends is reported as failed instead of holding the run.
 *
 * <p>A case past its deadline is not stopped (Java cannot stop a thread safely, and what it
 * started may hold locks or connections): the runner reports it, with where its thread was, and
 * the caller ends the process ({@link Outcome#hung()}).
 */
final class CaseRunner {

  /** What became of a case: its result, or why it has none. */
  record Outcome(CaseResult result, boolean hung) {

    boolean failed() {
      return result.extra().getBoolean("failed", false);
    }
  }

  private CaseRunner() {}

  static Outcome run(LoadCase c, Budget budget) {
    return run(c, budget, c.deadlineMillis(budget));
  }

  static Outcome run(LoadCase c, Budget budget, long deadlineMillis) {
    CompletableFuture<CaseResult> done = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        done.complete(c.run(budget));
      } catch (Throwable t) {
        done.completeExceptionally(t);
      }
    }, "case-" + c.name());
    thread.setDaemon(true);
    thread.start();
    try {
      return new Outcome(done.get(deadlineMillis, TimeUnit.MILLISECONDS), false);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      StringBuilder where = new StringBuilder();
      for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t != cause) {
          where.append("\n  caused by: ").append(t);
        }
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(12, frames.length); i++) {
          where.append("\n    at ").append(frames[i]);
        }
      }
      return new Outcome(failed(c.name(), "failed: " + cause, where.toString()), false);
    } catch (TimeoutException e) {
      StringBuilder where = new StringBuilder();
      for (StackTraceElement frame : thread.getStackTrace()) {
        where.append("\n    at ").append(frame);
      }
      return new Outcome(failed(c.name(), "did not finish within its deadline of " + deadlineMillis / 1000 + " s",
          where.toString()), true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(failed(c.name(), "interrupted", null), true);
    }
  }

  /** The result of a case that has none: zero figures, {@code failed: true} and the reason. */
  static CaseResult failed(String name, String error, String stack) {
    JsonObject extra = new JsonObject().put("failed", true).put("error", error);
    if (stack != null) {
      extra.put("case_thread", stack);
    }
    return new CaseResult(name, 0, 0, 0, 0, 0, extra);
  }
}
