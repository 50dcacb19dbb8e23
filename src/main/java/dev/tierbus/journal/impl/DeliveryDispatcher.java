package dev.tierbus.journal.impl;

import dev.tierbus.router.Addresses;
import dev.tierbus.router.ReliableTierOptions;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Sends journalled deliveries to their subscribers and acts on the answers.
 *
 * <p>Deliveries wait in lanes, one per (subscriber, symbol), in journal order. A lane has at
 * most one request in flight: its first deliveries (up to {@code delivery batch_size}), sent
 * by event-bus request to {@link Addresses#reliableSubscriber}. The reply confirms a prefix of
 * them; the first unconfirmed one has failed an attempt (handler failure or no reply within
 * the delivery timeout): it is retried after its backoff delay and holds back the lane — only
 * that lane — until it is confirmed or dead. When nobody is registered for the subscriber the
 * lane is parked, without spending attempts, until the subscriber (re)appears.
 *
 * <p>Tier context only.
 */
final class DeliveryDispatcher {

  private static final class Subscriber {
    final String id;
    final String address;
    final Map<String, Lane> lanes = new HashMap<>();

    Subscriber(String id) {
      this.id = id;
      this.address = Addresses.reliableSubscriber(id);
    }
  }

  private static final class Lane {
    final Subscriber owner;
    final String key;
    final ArrayDeque<Delivery> queue = new ArrayDeque<>();
    boolean busy;
    boolean parked;
    long timer = -1;

    Lane(Subscriber owner, String key) {
      this.owner = owner;
      this.key = key;
    }
  }

  private final ReliableTierImpl tier;
  private final ReliableTierOptions options;
  private final DeliveryOptions requestOptions;
  private final long parkIntervalMs;
  private final Map<String, Subscriber> subscribers = new HashMap<>();
  private final List<Promise<Void>> quietWaiters = new ArrayList<>();
  private boolean stopped;
  private int busyLanes;

  DeliveryDispatcher(ReliableTierImpl tier, ReliableTierOptions options) {
    this.tier = tier;
    this.options = options;
    this.requestOptions = new DeliveryOptions().setSendTimeout(options.getDeliveryTimeoutMs());
    this.parkIntervalMs = Math.max(100, Math.min(options.getBaseDelayMs(), 1_000));
  }

  /** Queues a delivery behind the others of its lane and sends it when its turn comes. */
  void enqueue(Delivery d) {
    Subscriber s = subscribers.computeIfAbsent(d.subscriber, Subscriber::new);
    Lane lane = s.lanes.computeIfAbsent(d.laneKey(), k -> new Lane(s, k));
    lane.queue.add(d);
    kick(lane);
  }

  /** A subscriber registered on this node: its parked lanes go on at once. */
  void subscriberAppeared(String subscriberId) {
    Subscriber s = subscribers.get(subscriberId);
    if (s == null) {
      return;
    }
    for (Lane lane : new ArrayList<>(s.lanes.values())) {
      if (lane.parked) {
        tier.vertx().cancelTimer(lane.timer);
        lane.timer = -1;
        lane.parked = false;
        kick(lane);
      }
    }
  }

  private void kick(Lane lane) {
    if (stopped || lane.busy || lane.timer != -1) {
      return;
    }
    if (lane.queue.isEmpty()) {
      lane.owner.lanes.remove(lane.key);
      return;
    }
    send(lane);
  }

  private void send(Lane lane) {
    int n = Math.min(options.getDeliveryBatchSize(), lane.queue.size());
    List<DeliveryRequest.Item> items = new ArrayList<>(n);
    Iterator<Delivery> it = lane.queue.iterator();
    for (int i = 0; i < n; i++) {
      Delivery d = it.next();
      items.add(new DeliveryRequest.Item(d.id, d.attempts + 1, d.redelivered || d.attempts > 0, d.event));
    }
    lane.busy = true;
    busyLanes++;
    tier.counters().inFlight.addAndGet(n);
    tier.vertx().eventBus().<DeliveryReply>request(lane.owner.address, new DeliveryRequest(lane.owner.id, items),
            requestOptions)
        .onComplete(ar -> onAnswer(lane, n, ar));
  }

  private void onAnswer(Lane lane, int sent, AsyncResult<Message<DeliveryReply>> ar) {
    lane.busy = false;
    busyLanes--;
    tier.counters().inFlight.addAndGet(-sent);
    if (ar.succeeded()) {
      DeliveryReply reply = ar.result().body();
      int confirmed = Math.min(reply.confirmed(), sent);
      long now = System.nanoTime();
      for (int i = 0; i < confirmed; i++) {
        confirm(lane.queue.poll(), now);
      }
      if (reply.unsubscribed() && confirmed < sent) {
        park(lane);
      } else if (reply.error() != null && confirmed < sent) {
        failHead(lane, reply.error());
      }
    } else if (ar.cause() instanceof ReplyException re && re.failureType() == ReplyFailure.NO_HANDLERS) {
      park(lane);
    } else if (ar.cause() instanceof ReplyException re && re.failureType() == ReplyFailure.TIMEOUT) {
      failHead(lane, "no confirmation from " + lane.owner.id + " within " + options.getDeliveryTimeoutMs() + " ms");
    } else {
      failHead(lane, String.valueOf(ar.cause()));
    }
    if (!lane.parked) {
      kick(lane);
    }
    if (busyLanes == 0) {
      List<Promise<Void>> waiters = new ArrayList<>(quietWaiters);
      quietWaiters.clear();
      waiters.forEach(Promise::tryComplete);
    }
  }

  private void confirm(Delivery d, long now) {
    tier.counters().pending.decrementAndGet();
    tier.inFlight().end(1);
    tier.counters().delivered.increment();
    if (d.publishNanos != 0) {
      tier.counters().delivery.record(now - d.publishNanos);
    }
    tier.outcomes().delivered(d.id);
  }

  /** The first delivery of the lane failed an attempt: retry it later, or dead-letter it. */
  private void failHead(Lane lane, String error) {
    Delivery d = lane.queue.peek();
    if (d == null) {
      return;
    }
    d.attempts++;
    d.redelivered = true;
    if (d.attempts >= options.getRetryAttempts()) {
      lane.queue.poll();
      tier.counters().pending.decrementAndGet();
      tier.inFlight().end(1);
      tier.counters().deadLettered.increment();
      tier.counters().deadLetters.incrementAndGet();
      tier.outcomes().failed(new OutcomeBatch.Failure(d.id, d.attempts, error, 0, true));
      tier.log().warn("{} is a dead letter after {} attempts: {}", d, d.attempts, error);
      return;
    }
    long delay = options.delayBeforeRetry(d.attempts);
    tier.counters().retries.increment();
    tier.outcomes().failed(new OutcomeBatch.Failure(d.id, d.attempts, error, delay, false));
    lane.timer = tier.vertx().setTimer(Math.max(1, delay), t -> {
      lane.timer = -1;
      kick(lane);
    });
  }

  private void park(Lane lane) {
    lane.parked = true;
    lane.timer = tier.vertx().setTimer(parkIntervalMs, t -> {
      lane.timer = -1;
      lane.parked = false;
      kick(lane);
    });
  }

  /** Deliveries queued in lanes (sent or not) and not yet confirmed or dead. */
  long queued() {
    long n = 0;
    for (Subscriber s : subscribers.values()) {
      for (Lane lane : s.lanes.values()) {
        n += lane.queue.size();
      }
    }
    return n;
  }

  /**
   * Sends nothing more; completes when no request is in flight (what was not sent stays in the
   * journal, undelivered, for the next start).
   */
  Future<Void> stop() {
    stopped = true;
    for (Subscriber s : subscribers.values()) {
      for (Lane lane : s.lanes.values()) {
        if (lane.timer != -1) {
          tier.vertx().cancelTimer(lane.timer);
          lane.timer = -1;
        }
      }
    }
    if (busyLanes == 0) {
      return Future.succeededFuture();
    }
    Promise<Void> p = Promise.promise();
    quietWaiters.add(p);
    return p.future();
  }
}
