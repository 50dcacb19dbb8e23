package dev.tierbus.router.impl;

import io.vertx.core.Context;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The router's worker pool for handlers that must not run on an event loop, and the executor
 * each subscription runs its standard- and reliable-tier handler calls on.
 *
 * <p>A subscription made on a worker context runs there (its container's own threading); any
 * other runs one task at a time on this pool ({@link SerialExecutor}), so its calls never
 * overlap. Threads are daemons and time out when idle.
 */
final class StandardPool {

  private final ThreadPoolExecutor pool;

  StandardPool(int threads) {
    AtomicInteger threadNo = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "tierbus-standard-" + threadNo.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    pool.allowCoreThreadTimeOut(true);
  }

  /** The executor of a subscription made on {@code ctx} (null: outside any context). */
  Executor executorFor(Context ctx) {
    if (ctx != null && ctx.isWorkerContext()) {
      return task -> ctx.runOnContext(v -> task.run());
    }
    return new SerialExecutor(pool);
  }

  void shutdown() {
    pool.shutdown();
  }
}
