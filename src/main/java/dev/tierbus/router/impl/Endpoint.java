package dev.tierbus.router.impl;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventBatch;
import dev.tierbus.metrics.LatencyRecorder;
import dev.tierbus.router.Addresses;
import dev.tierbus.router.AsyncEventHandler;
import dev.tierbus.router.EventHandler;
import dev.tierbus.router.Route;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.SubscriptionHandle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The router's side of one subscription: its compiled filter, its fast-tier consumer, its
 * standard-tier mailbox and its counters.
 *
 * <p>Handler calls never overlap: fast batches run on the subscriber's context, standard
 * events on {@link #executor} one drain at a time ({@link #scheduled}).
 */
final class Endpoint implements SubscriptionHandle, Route {

  final String id;
  final Subscription subscription;
  final EventHandler handler;
  /** The handler when it is an {@link AsyncEventHandler}, else null. */
  private final AsyncEventHandler asyncHandler;
  final long typeMask;
  final CompiledFilter filter;
  final String fastAddress;
  final Executor executor;
  final Mailbox mailbox;
  final AtomicBoolean scheduled = new AtomicBoolean();
  final AtomicInteger pendingBatches = new AtomicInteger();
  final Event[] drainEvents;
  final long[] drainNanos;
  final LongAdder delivered = new LongAdder();
  final LongAdder dropped = new LongAdder();
  final LongAdder rejected = new LongAdder();
  /** Standard-tier latency of this subscription: one writer at a time (its drain). */
  final LatencyRecorder standardLatency;
  volatile boolean closed;
  MessageConsumer<EventBatch> consumer;

  private final TieredEventRouterImpl router;
  // fast-tier receiver cache: the type mask allowed for the last batch source
  private String maskSource;
  private long maskVersion = -1;
  private long sourceMask;

  Endpoint(TieredEventRouterImpl router, String id, Subscription subscription, EventHandler handler,
           Executor executor, int queueSize, int drainBatch) {
    this.router = router;
    this.id = id;
    this.subscription = subscription;
    this.handler = handler;
    this.asyncHandler = handler instanceof AsyncEventHandler a ? a : null;
    this.typeMask = TypeMask.of(subscription.events());
    this.filter = new CompiledFilter(subscription.filter());
    this.fastAddress = Addresses.fastSubscription(id);
    this.executor = executor;
    this.mailbox = new Mailbox(queueSize);
    this.drainEvents = new Event[drainBatch];
    this.drainNanos = new long[drainBatch];
    this.standardLatency = router.standard.metrics.latency().part();
  }

  /** Fast tier: handles one batch on the subscriber's context. */
  void onBatch(Message<EventBatch> message) {
    EventBatch batch = message.body();
    try {
      if (closed) {
        return;
      }
      long mask = maskFor(batch.source());
      if (mask == 0) {
        return;
      }
      long latency = System.nanoTime() - batch.createdNanos();
      int n = batch.size();
      int handled = 0;
      for (int i = 0; i < n; i++) {
        Event e = batch.get(i);
        if ((mask & TypeMask.bit(e.type())) != 0 && filter.matches(e)) {
          invoke(e, router.fast.metrics);
          handled++;
        }
      }
      if (handled > 0) {
        delivered.add(handled);
        router.fast.metrics.delivered(handled);
        router.fast.metrics.latency().record(latency, handled);
      }
    } finally {
      // a batch from another node was never counted by this node's publishers: never below 0
      if (pendingBatches.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        router.inFlight.end(1);
      }
    }
  }

  private long maskFor(String source) {
    long version = router.table.version();
    if (version != maskVersion || !source.equals(maskSource)) {
      sourceMask = router.table.routesFor(source).maskOf(this);
      maskSource = source;
      maskVersion = version;
    }
    return sourceMask;
  }

  /** Runs the handler; an exception is counted and reported, never propagated. */
  boolean invoke(Event event, dev.tierbus.metrics.TierMetrics metrics) {
    try {
      handler.handle(event);
      return true;
    } catch (Throwable t) {
      metrics.error();
      router.errors.report(this, event, t);
      return false;
    }
  }

  @Override
  public EventHandler handler() {
    return handler;
  }

  @Override
  public boolean matches(Event event) {
    return (typeMask & TypeMask.bit(event.type())) != 0 && filter.matches(event);
  }

  @Override
  public Future<InOrderOutcome> deliverInOrder(List<Event> events) {
    Promise<InOrderOutcome> promise = Promise.promise();
    executor.execute(() -> {
      int called = 0;
      Throwable thrown = null;
      Future<?>[] effects = null;
      for (Event e : events) {
        try {
          if (asyncHandler != null) {
            Future<?> effect = asyncHandler.handleAsync(e);
            if (effect != null && !effect.succeeded()) {
              if (effects == null) {
                effects = new Future<?>[events.size()];
              }
              effects[called] = effect;
            }
          } else {
            handler.handle(e);
          }
          called++;
        } catch (Throwable t) {
          thrown = t;
          break;
        }
      }
      if (effects == null) {
        delivered.add(called);
        promise.complete(new InOrderOutcome(called, thrown));
      } else {
        whenSettled(effects, called, thrown, promise);
      }
    });
    return promise.future();
  }

  /** Completes {@code promise} once every pending effect of the first {@code called} events settled. */
  private void whenSettled(Future<?>[] effects, int called, Throwable thrown, Promise<InOrderOutcome> promise) {
    List<Future<?>> pending = new java.util.ArrayList<>();
    for (int i = 0; i < called; i++) {
      if (effects[i] != null) {
        pending.add(effects[i]);
      }
    }
    Future.join(pending).onComplete(ignored -> {
      int handled = 0;
      while (handled < called && (effects[handled] == null || effects[handled].succeeded())) {
        handled++;
      }
      Throwable failure = handled < called ? effects[handled].cause() : thrown;
      java.util.BitSet after = new java.util.BitSet();
      for (int i = handled + 1; i < called; i++) {
        if (effects[i] == null || effects[i].succeeded()) {
          after.set(i);
        }
      }
      delivered.add(handled + after.cardinality());
      promise.complete(new InOrderOutcome(handled, failure, after));
    });
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String subscriptionId() {
    return id;
  }

  @Override
  public String subscriberId() {
    return subscription.subscriberId();
  }

  @Override
  public Subscription subscription() {
    return subscription;
  }

  @Override
  public long delivered() {
    return delivered.sum();
  }

  @Override
  public long dropped() {
    return dropped.sum();
  }

  @Override
  public long rejected() {
    return rejected.sum();
  }

  @Override
  public int queueDepth() {
    return mailbox.size();
  }

  @Override
  public Future<Void> unsubscribe() {
    return router.unsubscribe(this);
  }

  @Override
  public String toString() {
    return "subscription " + id + " of " + subscription.subscriberId();
  }
}
