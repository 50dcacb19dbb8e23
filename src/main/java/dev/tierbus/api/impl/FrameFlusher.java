package dev.tierbus.api.impl;

import io.vertx.core.Context;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes the waiting frames of the WebSocket clients of one event loop, in one task.
 *
 * <p>The hub offers an event to many clients from a router thread; scheduling a task on the
 * client's event loop per client and event would wake that loop once per frame. Instead each
 * loop has one flusher: clients with new frames are queued here and a single task writes them
 * all, so a loop is woken about once per event, however many of its clients want it.
 */
final class FrameFlusher {

  private final Context context;
  private final ConcurrentLinkedQueue<SignalSession> ready = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Runnable drainTask = this::drain;

  /** @param context any context of the event loop this flusher serves */
  FrameFlusher(Context context) {
    this.context = context;
  }

  /** Queues a client whose outbox asked for a flush; any thread. */
  void flushLater(SignalSession session) {
    ready.add(session);
    if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
      context.runOnContext(v -> drainTask.run());
    }
  }

  private void drain() {
    scheduled.set(false);
    for (SignalSession s = ready.poll(); s != null; s = ready.poll()) {
      s.flush();
    }
  }
}
