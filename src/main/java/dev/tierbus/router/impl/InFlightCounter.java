package dev.tierbus.router.impl;

import dev.tierbus.router.InFlight;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One counter for the whole node; waiters are completed by whichever thread brings it to zero.
 * The waiter list is touched only under its own lock, and only by {@link #whenZero()} and by a
 * transition to zero, never on the hot path.
 */
final class InFlightCounter implements InFlight {

  private final AtomicLong count = new AtomicLong();
  private final List<Promise<Void>> waiters = new ArrayList<>();
  private volatile boolean anyWaiter;

  @Override
  public void begin(long n) {
    count.addAndGet(n);
  }

  @Override
  public void end(long n) {
    long now = count.addAndGet(-n);
    if (now <= 0 && anyWaiter) {
      if (now < 0) {
        count.compareAndSet(now, 0);
      }
      release();
    }
  }

  @Override
  public long count() {
    return Math.max(0, count.get());
  }

  @Override
  public Future<Void> whenZero() {
    ContextInternal ctx = ContextInternal.current();
    Promise<Void> p = ctx != null ? ctx.promise() : Promise.promise();
    synchronized (waiters) {
      waiters.add(p);
      anyWaiter = true;
    }
    if (count.get() <= 0) {
      release();
    }
    return p.future();
  }

  private void release() {
    List<Promise<Void>> ready;
    synchronized (waiters) {
      if (waiters.isEmpty() || count.get() > 0) {
        return;
      }
      ready = new ArrayList<>(waiters);
      waiters.clear();
      anyWaiter = false;
    }
    for (Promise<Void> p : ready) {
      p.tryComplete();
    }
  }
}
