package dev.tierbus.router.impl;

import dev.tierbus.event.EventType;
import dev.tierbus.event.Tier;
import dev.tierbus.router.Publication;
import dev.tierbus.router.RouteInfo;
import dev.tierbus.router.RouterOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Subscriptions and container declarations, and the per-source routes derived from them.
 *
 * <p>Writers change the sets, then bump {@link #version()}; readers take the cached
 * {@link SourceRoutes} of a source and rebuild it when its version is stale. A reader that
 * raced a writer sees the new version on its next lookup.
 */
final class RoutingTable {

  private static final int TYPE_SLOTS = 32;

  private final Declarations declarations;
  private final CopyOnWriteArrayList<Endpoint> endpoints = new CopyOnWriteArrayList<>();
  /** Removed subscriptions of held subscribers: they still route reliable-tier events. */
  private final CopyOnWriteArrayList<Endpoint> dormant = new CopyOnWriteArrayList<>();
  private final ConcurrentHashMap<String, Integer> held = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, SourceRoutes> cache = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();

  RoutingTable(RouterOptions options) {
    this.declarations = new Declarations(options);
  }

  long version() {
    return version.get();
  }

  List<Endpoint> endpoints() {
    return endpoints;
  }

  void add(Endpoint endpoint) {
    endpoints.add(endpoint);
    changed();
  }

  void remove(Endpoint endpoint) {
    endpoints.remove(endpoint);
    if (held.containsKey(endpoint.subscription.subscriberId())) {
      dormant.add(endpoint);
    }
    changed();
  }

  /** Holds the subscribers' reliable routes until the returned action runs. */
  Runnable hold(java.util.Collection<String> subscriberIds) {
    List<String> ids = List.copyOf(subscriberIds);
    for (String id : ids) {
      held.merge(id, 1, Integer::sum);
    }
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    return () -> {
      if (!done.compareAndSet(false, true)) {
        return;
      }
      for (String id : ids) {
        held.computeIfPresent(id, (k, n) -> n <= 1 ? null : n - 1);
      }
      dormant.removeIf(ep -> !held.containsKey(ep.subscription.subscriberId()));
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
    if (r != null && r.version == v) {
      return r;
    }
    r = build(source, v);
    cache.put(source, r);
    return r;
  }

  private SourceRoutes build(String source, long v) {
    Tier[] tiers = new Tier[TYPE_SLOTS];
    for (EventType t : EventType.values()) {
      tiers[t.code()] = tierOf(source, t);
    }
    List<Endpoint> targets = new ArrayList<>();
    List<Long> masks = new ArrayList<>();
    List<List<Endpoint>> byType = new ArrayList<>(TYPE_SLOTS);
    for (int i = 0; i < TYPE_SLOTS; i++) {
      byType.add(null);
    }
    for (Endpoint ep : endpoints) {
      long mask = declarations.allowedTypes(source, ep.subscription);
      if (mask == 0) {
        continue;
      }
      targets.add(ep);
      masks.add(mask);
      for (EventType t : EventType.values()) {
        if ((mask & TypeMask.bit(t)) != 0) {
          if (byType.get(t.code()) == null) {
            byType.set(t.code(), new ArrayList<>());
          }
          byType.get(t.code()).add(ep);
        }
      }
    }
    for (Endpoint ep : dormant) {
      long mask = declarations.allowedTypes(source, ep.subscription);
      for (EventType t : EventType.values()) {
        if ((mask & TypeMask.bit(t)) != 0 && tiers[t.code()] == Tier.RELIABLE) {
          if (byType.get(t.code()) == null) {
            byType.set(t.code(), new ArrayList<>());
          }
          byType.get(t.code()).add(ep);
        }
      }
    }
    Endpoint[][] typeRoutes = new Endpoint[TYPE_SLOTS][];
    for (int i = 0; i < TYPE_SLOTS; i++) {
      List<Endpoint> eps = byType.get(i);
      typeRoutes[i] = eps == null ? SourceRoutes.NONE : eps.toArray(SourceRoutes.NONE);
    }
    long[] maskArray = new long[masks.size()];
    for (int i = 0; i < maskArray.length; i++) {
      maskArray[i] = masks.get(i);
    }
    return new SourceRoutes(v, targets.toArray(SourceRoutes.NONE), maskArray, typeRoutes, tiers);
  }

  /** One row per (type, publisher, subscription) that can carry events now. */
  List<RouteInfo> describe() {
    List<RouteInfo> rows = new ArrayList<>();
    List<String> sources = declarations.containerIds();
    for (Endpoint ep : endpoints) {
      String wanted = ep.subscription.source();
      List<String> candidates = wanted != null ? List.of(wanted) : sources;
      for (String source : candidates) {
        long mask = declarations.allowedTypes(source, ep.subscription);
        for (EventType t : EventType.values()) {
          if ((mask & TypeMask.bit(t)) != 0) {
            rows.add(new RouteInfo(t, tierOf(source, t), source, ep.subscription.subscriberId(), ep.id,
                ep.subscription.filter()));
          }
        }
      }
    }
    return rows;
  }
}
