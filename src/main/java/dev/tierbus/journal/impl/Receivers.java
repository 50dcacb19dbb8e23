package dev.tierbus.journal.impl;

import dev.tierbus.router.Route;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The subscribers of this node, one {@link DeliveryReceiver} each, following the router's
 * subscriptions: the first subscription of a subscriber opens its receiver (and lets its
 * parked lanes go on), the removal of its last one closes it. Tier context only.
 */
final class Receivers {

  private final ReliableTierImpl tier;
  private final Map<String, DeliveryReceiver> bySubscriber = new HashMap<>();
  private boolean closed;

  Receivers(ReliableTierImpl tier) {
    this.tier = tier;
  }

  void added(Route route) {
    if (closed) {
      return;
    }
    String id = route.subscriberId();
    DeliveryReceiver receiver = bySubscriber.get(id);
    if (receiver == null) {
      DeliveryReceiver created = new DeliveryReceiver(tier, id);
      bySubscriber.put(id, created);
      created.add(route);
      created.open().onComplete(ar -> {
        if (ar.failed()) {
          tier.log().error("reliable tier: cannot receive for {}: {}", id, ar.cause().toString());
        }
        tier.dispatcher().subscriberAppeared(id);
      });
    } else {
      receiver.add(route);
      tier.dispatcher().subscriberAppeared(id);
    }
  }

  /** Completes when the receiver no longer runs the route's handler. */
  Future<Void> removed(Route route) {
    DeliveryReceiver receiver = bySubscriber.get(route.subscriberId());
    if (receiver == null) {
      return Future.succeededFuture();
    }
    return receiver.remove(route).compose(v -> {
      if (!receiver.hasRoutes() && bySubscriber.get(route.subscriberId()) == receiver) {
        bySubscriber.remove(route.subscriberId());
        return receiver.close();
      }
      return Future.succeededFuture();
    });
  }

  Future<Void> close() {
    closed = true;
    List<Future<Void>> closing = new ArrayList<>();
    for (DeliveryReceiver r : bySubscriber.values()) {
      closing.add(r.close());
    }
    bySubscriber.clear();
    return Future.join(closing).mapEmpty();
  }
}
