package dev.tierbus.router.impl;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the tasks given to it one at a time, in order, on a shared pool: the executor of one
 * subscription on the router's standard pool, so that its standard-tier drains and its
 * reliable-tier deliveries never overlap.
 */
final class SerialExecutor implements Executor {

  private final Executor pool;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean running = new AtomicBoolean();

  SerialExecutor(Executor pool) {
    this.pool = pool;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    schedule();
  }

  private void schedule() {
    if (!tasks.isEmpty() && running.compareAndSet(false, true)) {
      pool.execute(this::runAll);
    }
  }

  private void runAll() {
    try {
      Runnable task;
      // a bounded number per turn so one busy subscription does not keep a pool thread forever
      for (int i = 0; i < 64 && (task = tasks.poll()) != null; i++) {
        try {
          task.run();
        } catch (Throwable ignored) {
          // tasks report their own failures; one that throws must not stop the others
        }
      }
    } finally {
      running.set(false);
      schedule();
    }
  }
}
