package dev.tierbus.router.impl;

import dev.tierbus.event.EventType;
import dev.tierbus.event.Tier;
import dev.tierbus.router.Publication;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.Scope;
import dev.tierbus.router.Subscription;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each container declared: its parent and its publications. Answers the two questions
 * routing asks of them: on which tier an event type from a source travels, and which of a
 * subscription's types a source's scopes let it have. Thread-safe.
 */
final class Declarations {

  private record Declaration(String parent, Map<EventType, Tier> tiers, Map<EventType, Scope> scopes) {}

  private final RouterOptions options;
  private final ConcurrentHashMap<String, Declaration> containers = new ConcurrentHashMap<>();

  Declarations(RouterOptions options) {
    this.options = options;
  }

  void declare(String containerId, String parentId, List<Publication> publications) {
    Map<EventType, Tier> tiers = new EnumMap<>(EventType.class);
    Map<EventType, Scope> scopes = new EnumMap<>(EventType.class);
    for (Publication p : publications) {
      for (EventType t : p.events()) {
        if (p.tier() != null) {
          tiers.put(t, p.tier());
        }
        scopes.put(t, p.scope());
      }
    }
    containers.put(containerId, new Declaration(parentId, tiers, scopes));
  }

  void forget(String containerId) {
    containers.remove(containerId);
  }

  /** The declared containers' ids, sorted. */
  List<String> containerIds() {
    List<String> ids = new ArrayList<>(containers.keySet());
    ids.sort(null);
    return ids;
  }

  /** The source's publication override, else the node's tier for the type, else its default. */
  Tier tierOf(String source, EventType type) {
    Declaration d = containers.get(source);
    Tier t = d == null ? null : d.tiers.get(type);
    return t != null ? t : options.tierOf(type);
  }

  /**
   * The event types (a {@link TypeMask}) {@code subscription} may receive from {@code source}:
   * its types, within the source's scopes; 0 for its own events or another source's.
   */
  long allowedTypes(String source, Subscription subscription) {
    String subscriber = subscription.subscriberId();
    String wanted = subscription.source();
    if (source.equals(subscriber) || (wanted != null && !wanted.equals(source))) {
      return 0;
    }
    Declaration d = containers.get(source);
    long mask = 0;
    for (EventType t : subscription.events()) {
      Scope scope = d == null ? Scope.GLOBAL : d.scopes.getOrDefault(t, Scope.GLOBAL);
      if (scopeAllows(scope, source, subscriber)) {
        mask |= TypeMask.bit(t);
      }
    }
    return mask;
  }

  private boolean scopeAllows(Scope scope, String source, String subscriber) {
    return switch (scope) {
      case GLOBAL -> true;
      case PARENT -> {
        String parent = parentOf(source);
        yield parent == null || parent.equals(subscriber);
      }
      case CHILDREN -> source.equals(parentOf(subscriber));
      case SIBLINGS -> Objects.equals(parentOf(source), parentOf(subscriber));
    };
  }

  private String parentOf(String containerId) {
    Declaration d = containers.get(containerId);
    return d == null ? null : d.parent;
  }
}
