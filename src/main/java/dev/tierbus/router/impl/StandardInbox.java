package dev.tierbus.router.impl;

import dev.tierbus.event.Event;
import dev.tierbus.metrics.LatencyRecorder;
import dev.tierbus.metrics.TierMetrics;
import dev.tierbus.router.Overflow;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The standard tier's queue of one subscription: its bounded {@link Mailbox}, whether a drain
 * is scheduled, the events it refused, and its part of the tier's latency.
 *
 * <p>Many publishers offer; one drain at a time takes ({@link #claim()} decides which), on the
 * subscription's executor. Draining reuses preallocated arrays: no allocation per event.
 */
final class StandardInbox {

  private final RouteImpl route;
  private final Executor executor;
  private final Mailbox mailbox;
  private final Event[] drainEvents;
  private final long[] drainNanos;
  private final LatencyRecorder tierLatency;
  /** This subscription's latency: one writer at a time (its drain). */
  private final LatencyRecorder latency;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final Overflow overflow;

  StandardInbox(RouteImpl route, Executor executor, int queueSize, int drainBatch, LatencyRecorder tierLatency,
      Overflow overflow) {
    this.route = route;
    this.overflow = overflow;
    this.executor = executor;
    this.mailbox = new Mailbox(queueSize);
    this.drainEvents = new Event[drainBatch];
    this.drainNanos = new long[drainBatch];
    this.tierLatency = tierLatency;
    this.latency = tierLatency.part();
  }

  /** True when the subscription is open and takes {@code event}. */
  boolean accepts(Event event) {
    return !route.isClosed() && route.matches(event);
  }

  /** What a full queue does with one more event. */
  Overflow overflow() {
    return overflow;
  }

  /** Queues {@code event}, or counts a rejection (or a drop) and returns false when the queue is full. */
  boolean offer(Event event, long nowNanos) {
    if (mailbox.offer(event, nowNanos)) {
      return true;
    }
    (overflow == Overflow.DROP ? dropped : rejected).increment();
    return false;
  }

  String subscriberId() {
    return route.subscriberId();
  }

  /** True for the one caller that may schedule the next drain; {@link #release()} ends it. */
  boolean claim() {
    return !scheduled.get() && scheduled.compareAndSet(false, true);
  }

  void release() {
    scheduled.set(false);
  }

  /** Runs {@code drain} on the subscription's executor. */
  void execute(Runnable drain) {
    executor.execute(drain);
  }

  /**
   * Hands up to one drain batch of queued events, oldest first, to the handler; returns how many.
   * Exceptions are counted in {@code metrics} and reported, never thrown.
   */
  int drain(TierMetrics metrics) {
    int n = mailbox.drainTo(drainEvents, drainNanos, drainEvents.length);
    for (int i = 0; i < n; i++) {
      Event e = drainEvents[i];
      drainEvents[i] = null;
      latency.record(System.nanoTime() - drainNanos[i]);
      route.invoke(e, metrics);
    }
    if (n > 0) {
      route.countDelivered(n);
    }
    return n;
  }

  int size() {
    return mailbox.size();
  }

  /** True when nothing is queued and no drain is scheduled. */
  boolean isIdle() {
    return mailbox.size() == 0 && !scheduled.get();
  }

  /** Events dropped for this subscription because its queue was full ({@link Overflow#DROP}). */
  long dropped() {
    return dropped.sum();
  }

  long rejected() {
    return rejected.sum();
  }

  /** Stops counting this subscription's latency apart (what it recorded stays in the tier's). */
  void close() {
    tierLatency.release(latency);
  }

  @Override
  public String toString() {
    return route.toString();
  }
}
