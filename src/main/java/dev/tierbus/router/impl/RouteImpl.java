package dev.tierbus.router.impl;

import dev.tierbus.event.Event;
import dev.tierbus.metrics.TierMetrics;
import dev.tierbus.router.AsyncEventHandler;
import dev.tierbus.router.EventHandler;
import dev.tierbus.router.Route;
import dev.tierbus.router.Subscription;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;

/**
 * The handler side of one subscription, shared by every tier: what it accepts (its types and
 * compiled filter), how its handler is called, how many events it handled, and whether it is
 * closed.
 *
 * <p>Handler calls never overlap: fast batches run on the subscriber's context, standard drains
 * and reliable runs on {@link #executor} one task at a time.
 */
final class RouteImpl implements Route {

  private final String id;
  private final Subscription subscription;
  private final EventHandler handler;
  /** The handler when it is an {@link AsyncEventHandler}, else null. */
  private final AsyncEventHandler asyncHandler;
  private final long typeMask;
  private final CompiledFilter filter;
  private final Executor executor;
  private final HandlerErrors errors;
  private final LongAdder delivered = new LongAdder();
  private volatile boolean closed;

  RouteImpl(String id, Subscription subscription, EventHandler handler, Executor executor, HandlerErrors errors) {
    this.id = id;
    this.subscription = subscription;
    this.handler = handler;
    this.asyncHandler = handler instanceof AsyncEventHandler a ? a : null;
    this.typeMask = TypeMask.of(subscription.events());
    this.filter = new CompiledFilter(subscription.filter());
    this.executor = executor;
    this.errors = errors;
  }

  /** Runs the handler; an exception is counted in {@code metrics} and reported, never propagated. */
  boolean invoke(Event event, TierMetrics metrics) {
    try {
      handler.handle(event);
      return true;
    } catch (Throwable t) {
      metrics.error();
      errors.report(this, event, t);
      return false;
    }
  }

  /** Counts {@code n} events handed to the handler by the fast or standard tier. */
  void countDelivered(int n) {
    delivered.add(n);
  }

  long delivered() {
    return delivered.sum();
  }

  boolean isClosed() {
    return closed;
  }

  /** From now on nothing more is handed to the handler by the fast and standard tiers. */
  void close() {
    closed = true;
  }

  @Override
  public String id() {
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
    List<Future<?>> pending = new ArrayList<>();
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
      BitSet after = new BitSet();
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
  public String toString() {
    return "subscription " + id + " of " + subscription.subscriberId();
  }
}
