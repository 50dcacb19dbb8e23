package dev.tierbus.journal.impl;

import dev.tierbus.event.Event;
import dev.tierbus.journal.InboxHandler;
import dev.tierbus.journal.ReliableDelivery;
import dev.tierbus.router.Addresses;
import dev.tierbus.router.Route;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The subscriber side of the reliable tier for one subscriber on this node: takes delivery
 * requests at {@link Addresses#reliableSubscriber}, runs the handlers in order, and answers
 * with how many were confirmed.
 *
 * <p>Duplicates: a delivery id confirmed recently ({@link ConfirmedIds}) or running now is not
 * handed to the handler again — a redelivery caused by a lost or late confirmation is
 * answered from what the first attempt did. An {@link InboxHandler} runs in a journal
 * transaction that also marks the delivery done, so even after a crash it never runs twice.
 *
 * <p>Tier context only; handlers run on their subscription's executor.
 */
final class DeliveryReceiver {

  static final int CONFIRMED_WINDOW = 65_536;

  private final ReliableTierImpl tier;
  private final String subscriberId;
  private final List<Route> routes = new ArrayList<>();
  private final ConfirmedIds confirmed = new ConfirmedIds(CONFIRMED_WINDOW);
  private final Map<Long, Future<?>> running = new HashMap<>();
  private final List<Promise<Void>> idleWaiters = new ArrayList<>();
  private MessageConsumer<DeliveryRequest> consumer;
  private int active;

  DeliveryReceiver(ReliableTierImpl tier, String subscriberId) {
    this.tier = tier;
    this.subscriberId = subscriberId;
  }

  /** Registers the consumer; completes when it can receive. */
  Future<Void> open() {
    consumer = tier.vertx().eventBus().consumer(Addresses.reliableSubscriber(subscriberId));
    consumer.handler(this::onRequest);
    return consumer.completion();
  }

  void add(Route route) {
    if (!routes.contains(route)) {
      routes.add(route);
    }
  }

  /** Removes a route; completes when no request is being handled. */
  Future<Void> remove(Route route) {
    routes.remove(route);
    return whenIdle();
  }

  boolean hasRoutes() {
    return !routes.isEmpty();
  }

  Future<Void> close() {
    MessageConsumer<DeliveryRequest> c = consumer;
    consumer = null;
    return c == null ? Future.succeededFuture() : c.unregister();
  }

  private Future<Void> whenIdle() {
    if (active == 0) {
      return Future.succeededFuture();
    }
    Promise<Void> p = Promise.promise();
    idleWaiters.add(p);
    return p.future();
  }

  private void onRequest(Message<DeliveryRequest> message) {
    active++;
    List<DeliveryRequest.Item> items = message.body().items();
    Future<DeliveryReply> done;
    try {
      done = process(items, 0);
    } catch (Throwable t) {
      done = Future.failedFuture(t);
    }
    done.onComplete(ar -> {
      active--;
      if (ar.succeeded()) {
        message.reply(ar.result());
      } else {
        message.reply(new DeliveryReply(0, "receiver of " + subscriberId + " failed: " + ar.cause()));
      }
      if (active == 0 && !idleWaiters.isEmpty()) {
        List<Promise<Void>> waiters = new ArrayList<>(idleWaiters);
        idleWaiters.clear();
        waiters.forEach(Promise::tryComplete);
      }
    });
  }

  /** Handles {@code items} from {@code from} on, in order, until one fails. */
  private Future<DeliveryReply> process(List<DeliveryRequest.Item> items, int from) {
    int i = from;
    while (i < items.size()) {
      DeliveryRequest.Item item = items.get(i);
      long id = item.deliveryId();
      if (confirmed.contains(id)) {
        tier.counters().duplicatesSkipped.increment();
        i++;
        continue;
      }
      final int at = i;
      Future<?> earlier = running.get(id);
      if (earlier != null) {
        // the same delivery is still running from an attempt whose answer came too late:
        // wait for it; if it succeeded the id is confirmed and is skipped, else it runs again
        return onContext(earlier.transform(ar -> Future.succeededFuture()))
            .compose(v -> process(items, at));
      }
      Route route = routeFor(item.event());
      if (route == null && routes.isEmpty()) {
        return Future.succeededFuture(new DeliveryReply(at, subscriberId + " has no subscription here now", true));
      }
      if (route == null) {
        return Future.succeededFuture(new DeliveryReply(at, "no subscription of " + subscriberId + " on this node"
            + " accepts " + item.event().type() + " from " + item.event().source() + " any more"));
      }
      if (route.handler() instanceof InboxHandler inbox) {
        return runInbox(inbox, item).transform(ar -> {
          if (ar.succeeded()) {
            return process(items, at + 1);
          }
          return Future.succeededFuture(failed(at, ar.cause()));
        });
      }
      return runInOrder(route, items, at);
    }
    return Future.succeededFuture(new DeliveryReply(items.size(), null));
  }

  /** Runs the consecutive plain items for {@code route} from {@code at} in one task. */
  private Future<DeliveryReply> runInOrder(Route route, List<DeliveryRequest.Item> items, int at) {
    List<Event> events = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (int j = at; j < items.size(); j++) {
      DeliveryRequest.Item x = items.get(j);
      if (j > at && (confirmed.contains(x.deliveryId()) || running.containsKey(x.deliveryId())
          || routeFor(x.event()) != route)) {
        break;
      }
      events.add(stamp(x));
      ids.add(x.deliveryId());
    }
    Future<Route.InOrderOutcome> run = onContext(route.deliverInOrder(events));
    for (Long id : ids) {
      running.put(id, run);
    }
    return run.transform(ar -> {
      for (Long id : ids) {
        running.remove(id);
      }
      if (ar.failed()) {
        return Future.succeededFuture(failed(at, ar.cause()));
      }
      Route.InOrderOutcome outcome = ar.result();
      for (int k = 0; k < outcome.handled(); k++) {
        confirmed.add(ids.get(k));
      }
      // done although an earlier event's asynchronous effect failed: the reply confirms a prefix
      // only, so these come again with the retry and are answered from here, not run twice
      java.util.BitSet after = outcome.handledAfter();
      for (int k = after.nextSetBit(0); k >= 0; k = after.nextSetBit(k + 1)) {
        confirmed.add(ids.get(k));
      }
      if (outcome.failure() != null) {
        return Future.succeededFuture(failed(at + outcome.handled(), outcome.failure()));
      }
      return process(items, at + events.size());
    });
  }

  private Future<Void> runInbox(InboxHandler inbox, DeliveryRequest.Item item) {
    long id = item.deliveryId();
    Event stamped = stamp(item);
    Future<Boolean> run = onContext(tier.store().inTransaction(id, tx -> inbox.handleInTransaction(stamped, tx)));
    running.put(id, run);
    return run.transform(ar -> {
      running.remove(id);
      if (ar.failed()) {
        return Future.failedFuture(ar.cause());
      }
      if (!ar.result()) {
        tier.counters().duplicatesSkipped.increment();
      }
      confirmed.add(id);
      return Future.succeededFuture();
    });
  }

  private DeliveryReply failed(int at, Throwable cause) {
    tier.counters().errors.increment();
    tier.reportHandlerFailure(subscriberId, cause);
    String message = cause.getMessage() == null ? cause.toString() : cause.getClass().getSimpleName() + ": "
        + cause.getMessage();
    return new DeliveryReply(at, message);
  }

  private Route routeFor(Event event) {
    for (Route r : routes) {
      if (r.matches(event)) {
        return r;
      }
    }
    return null;
  }

  private static Event stamp(DeliveryRequest.Item item) {
    return new ReliableDelivery(item.deliveryId(), item.attempt(), item.redelivered()).stamp(item.event());
  }

  /** {@code f} with its listeners called on the tier's context, whichever thread completes it. */
  private <T> Future<T> onContext(Future<T> f) {
    PromiseInternal<T> p = ((ContextInternal) tier.context()).promise();
    f.onComplete(p);
    return p.future();
  }
}
