package dev.tierbus.router.impl;

import dev.tierbus.event.EventType;
import dev.tierbus.event.Tier;
import dev.tierbus.router.Publication;
import dev.tierbus.router.RouteInfo;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.Subscription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node's subscriptions and container declarations, and the per-source routes derived from
 * them.
 *
 * <p>Writers change the sets, then bump {@link #version()}; readers take the cached
 * {@link SourceRoutes} of a source and rebuild it when its version is stale. A reader that
 * raced a writer sees the new version on its next lookup.
 */
final class RoutingTable {

  private static final int TYPE_SLOTS = 32;

  private final Declarations declarations;
  private final CopyOnWriteArrayList<SubscriptionHandleImpl> subscriptions = new CopyOnWriteArrayList<>();
  /** Removed subscriptions of held subscribers: they still route reliable-tier events. */
  private final CopyOnWriteArrayList<SubscriptionHandleImpl> dormant = new CopyOnWriteArrayList<>();
  private final ConcurrentHashMap<String, Integer> held = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, SourceRoutes> cache = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();

  RoutingTable(RouterOptions options) {
    this.declarations = new Declarations(options);
  }

  long version() {
    return version.get();
  }

  /** The subscriptions routing now (a read-only view). */
  List<SubscriptionHandleImpl> subscriptions() {
    return Collections.unmodifiableList(subscriptions);
  }

  void add(SubscriptionHandleImpl subscription) {
    subscriptions.add(subscription);
    changed();
  }

  void remove(SubscriptionHandleImpl subscription) {
    subscriptions.remove(subscription);
    if (held.containsKey(subscription.subscription().subscriberId())) {
      dormant.add(subscription);
    }
    changed();
  }

  /** Holds the subscribers' reliable routes until the returned action runs. */
  Runnable hold(Collection<String> subscriberIds) {
    List<String> ids = List.copyOf(subscriberIds);
    for (String id : ids) {
      held.merge(id, 1, Integer::sum);
    }
    AtomicBoolean done = new AtomicBoolean();
    return () -> {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      for (String id : ids) {
        held.computeIfPresent(id, (k, n) -> n <= 1 ? null : n - 1);
      }
      dormant.removeIf(s -> !held.containsKey(s.subscription().subscriberId()));
      changed();
    };
  }

  void declare(String containerId, String parentId, List<Publication> publications) {
    declarations.declare(containerId, parentId, publications);
    changed();
  }

  void forget(String containerId) {
    declarations.forget(containerId);
    changed();
  }

  private void changed() {
    version.incrementAndGet();
    cache.clear();
  }

  Tier tierOf(String source, EventType type) {
    return declarations.tierOf(source, type);
  }

  SourceRoutes routesFor(String source) {
    long v = version.get();
    SourceRoutes r = cache.get(source);
    if (r != null && r.version() == v) {
      return r;
    }
    r = build(source, v);
    cache.put(source, r);
    return r;
  }

  private SourceRoutes build(String source, long v) {
    Tier[] tiers = new Tier[TYPE_SLOTS];
    for (EventType t : EventType.values()) {
      tiers[t.code()] = declarations.tierOf(source, t);
    }
    List<FastInbox> fastTargets = new ArrayList<>();
    List<Long> fastDenied = new ArrayList<>();
    List<List<SubscriptionHandleImpl>> byType = new ArrayList<>(TYPE_SLOTS);
    for (int i = 0; i < TYPE_SLOTS; i++) {
      byType.add(null);
    }
    for (SubscriptionHandleImpl s : subscriptions) {
      Subscription wanted = s.subscription();
      long mask = declarations.allowedTypes(source, wanted);
      if (mask == 0) {
        continue;
      }
      fastTargets.add(s.fastInbox());
      fastDenied.add(TypeMask.of(wanted.events()) & ~mask);
      addByType(byType, s, mask, tiers, null);
    }
    for (SubscriptionHandleImpl s : dormant) {
      addByType(byType, s, declarations.allowedTypes(source, s.subscription()), tiers, Tier.RELIABLE);
    }
    RouteImpl[][] routes = new RouteImpl[TYPE_SLOTS][];
    StandardInbox[][] inboxes = new StandardInbox[TYPE_SLOTS][];
    for (int i = 0; i < TYPE_SLOTS; i++) {
      List<SubscriptionHandleImpl> subs = byType.get(i);
      routes[i] = subs == null ? SourceRoutes.NO_ROUTES : subs.stream().map(SubscriptionHandleImpl::route)
          .toArray(RouteImpl[]::new);
      inboxes[i] = subs == null ? SourceRoutes.NO_INBOXES : subs.stream().map(SubscriptionHandleImpl::standardInbox)
          .toArray(StandardInbox[]::new);
    }
    long[] denied = new long[fastDenied.size()];
    for (int i = 0; i < denied.length; i++) {
      denied[i] = fastDenied.get(i);
    }
    return new SourceRoutes(v, fastTargets.toArray(SourceRoutes.NO_FAST_INBOXES), denied, routes, inboxes, tiers);
  }

  /** Adds {@code s} under each type of {@code mask} (only those on {@code onlyTier}, when not null). */
  private static void addByType(List<List<SubscriptionHandleImpl>> byType, SubscriptionHandleImpl s, long mask,
                                Tier[] tiers, Tier onlyTier) {
    for (EventType t : EventType.values()) {
      if ((mask & TypeMask.bit(t)) != 0 && (onlyTier == null || tiers[t.code()] == onlyTier)) {
        if (byType.get(t.code()) == null) {
          byType.set(t.code(), new ArrayList<>());
        }
        byType.get(t.code()).add(s);
      }
    }
  }

  /** One row per (type, publisher, subscription) that can carry events now. */
  List<RouteInfo> describe() {
    List<RouteInfo> rows = new ArrayList<>();
    List<String> sources = declarations.containerIds();
    for (SubscriptionHandleImpl s : subscriptions) {
      Subscription wanted = s.subscription();
      List<String> candidates = wanted.source() != null ? List.of(wanted.source()) : sources;
      for (String source : candidates) {
        long mask = declarations.allowedTypes(source, wanted);
        for (EventType t : EventType.values()) {
          if ((mask & TypeMask.bit(t)) != 0) {
            rows.add(new RouteInfo(t, tierOf(source, t), source, wanted.subscriberId(), s.id(), wanted.filter()));
          }
        }
      }
    }
    return rows;
  }

  /** Fast batches sent to the routing subscriptions and not yet handled. */
  long pendingBatches() {
    long sum = 0;
    for (SubscriptionHandleImpl s : subscriptions) {
      sum += s.pendingBatches();
    }
    return sum;
  }

  /** Standard events queued for the routing subscriptions. */
  long queuedEvents() {
    long sum = 0;
    for (SubscriptionHandleImpl s : subscriptions) {
      sum += s.queueDepth();
    }
    return sum;
  }

  /** True when no routing subscription has a standard event queued, a drain scheduled or a fast batch pending. */
  boolean drained() {
    for (SubscriptionHandleImpl s : subscriptions) {
      if (!s.drained()) {
        return false;
      }
    }
    return true;
  }
}
