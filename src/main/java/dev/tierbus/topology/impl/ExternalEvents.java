package dev.tierbus.topology.impl;

import dev.tierbus.config.ConfigValue;
import dev.tierbus.config.ValueText;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Tier;
import dev.tierbus.router.Filter;
import dev.tierbus.router.Publication;
import dev.tierbus.router.Scope;
import dev.tierbus.router.Subscription;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads a container's {@code external_events}: what it publishes and what it subscribes to. */
public final class ExternalEvents {

  static final List<String> KEYS = List.of("publishes", "subscribes");
  static final List<String> PUBLICATION_KEYS = List.of("events", "tier", "scope", "qos");
  static final List<String> SUBSCRIPTION_KEYS = List.of("source", "events", "tier", "filters");
  static final List<String> FILTER_KEYS = List.of("symbols", "types", "timeframe", "regime");
  static final List<String> QOS = List.of("best_effort", "guaranteed");

  private static final String KNOWN_TYPES =
      Arrays.stream(EventType.values()).map(Enum::name).collect(Collectors.joining(", "));

  /** One {@code publishes} entry and where it is. */
  public record DeclaredPublication(String path, Publication publication) {}

  /** One {@code subscribes} entry and where it is. */
  public record DeclaredSubscription(String path, Subscription subscription) {}

  /** The result for one container; entries with problems are left out. */
  public record Declared(List<DeclaredPublication> publications, List<DeclaredSubscription> subscriptions) {}

  private ExternalEvents() {}

  /** Reads {@code external_events} of the container {@code subscriberId}. */
  public static Declared read(ConfigValue at, String subscriberId) {
    List<DeclaredPublication> pubs = new ArrayList<>();
    List<DeclaredSubscription> subs = new ArrayList<>();
    if (at.expectMap()) {
      at.checkKeys(KEYS);
      for (ConfigValue entry : at.child("publishes").list("a list of publications")) {
        DeclaredPublication p = publication(entry);
        if (p != null) {
          pubs.add(p);
        }
      }
      for (ConfigValue entry : at.child("subscribes").list("a list of subscriptions")) {
        DeclaredSubscription s = subscription(entry, subscriberId);
        if (s != null) {
          subs.add(s);
        }
      }
    }
    return new Declared(pubs, subs);
  }

  private static DeclaredPublication publication(ConfigValue entry) {
    if (!entry.isMap()) {
      entry.problem("expected a publication (a map with events, tier, scope, qos), got " + ValueText.kind(entry.raw()));
      return null;
    }
    boolean ok = entry.checkKeys(PUBLICATION_KEYS);
    Set<EventType> events = events(entry.child("events"));
    Tier tier = tier(entry.child("tier"));
    Scope scope = null;
    ConfigValue scopeAt = entry.child("scope");
    String scopeName = scopeAt.string();
    if (scopeName != null) {
      try {
        scope = Scope.fromName(scopeName);
      } catch (IllegalArgumentException e) {
        scopeAt.problem(e.getMessage());
        ok = false;
      }
    } else if (scopeAt.isPresent()) {
      ok = false;
    }
    ConfigValue qosAt = entry.child("qos");
    String qos = qosAt.string();
    if (qos != null) {
      qos = qos.trim().toLowerCase(Locale.ROOT);
      if (!QOS.contains(qos)) {
        qosAt.problem("unknown qos '" + qosAt.raw() + "', expected best_effort or guaranteed");
        ok = false;
      }
    } else if (qosAt.isPresent()) {
      ok = false;
    }
    if (!ok || events == null || (tier == null && entry.child("tier").isPresent())) {
      return null;
    }
    return new DeclaredPublication(entry.path(), new Publication(events, tier, scope, qos));
  }

  private static DeclaredSubscription subscription(ConfigValue entry, String subscriberId) {
    if (!entry.isMap()) {
      entry.problem("expected a subscription (a map with source, events, tier, filters), got "
          + ValueText.kind(entry.raw()));
      return null;
    }
    boolean ok = entry.checkKeys(SUBSCRIPTION_KEYS);
    ConfigValue sourceAt = entry.child("source");
    String source = sourceAt.string();
    if (source != null && source.isBlank()) {
      sourceAt.problem("must not be blank; leave source out to subscribe to every source");
      ok = false;
    } else if (source == null && sourceAt.isPresent()) {
      ok = false;
    }
    Set<EventType> events = events(entry.child("events"));
    Tier tier = tier(entry.child("tier"));
    Filter filter = filter(entry.child("filters"));
    if (!ok || events == null || filter == null || (tier == null && entry.child("tier").isPresent())) {
      return null;
    }
    return new DeclaredSubscription(entry.path(),
        new Subscription(subscriberId == null ? "?" : subscriberId, source, events, filter, tier));
  }

  private static Filter filter(ConfigValue at) {
    if (!at.isPresent()) {
      return Filter.NONE;
    }
    if (!at.expectMap()) {
      return null;
    }
    boolean ok = at.checkKeys(FILTER_KEYS);
    List<List<String>> values = new ArrayList<>();
    for (String key : FILTER_KEYS) {
      ConfigValue v = at.child(key);
      List<String> read = v.stringOrStrings();
      ok &= read != null || !v.isPresent();
      values.add(read);
    }
    if (!ok) {
      return null;
    }
    // FILTER_KEYS order: symbols, types (indicator types), timeframe, regime
    return new Filter(set(values.get(0)), set(values.get(1)), set(values.get(2)), set(values.get(3)));
  }

  private static Set<String> set(List<String> values) {
    return values == null ? null : new HashSet<>(values);
  }

  /** The event types of an {@code events} list, or null after reporting a problem. */
  static Set<EventType> events(ConfigValue at) {
    List<ConfigValue> elements = at.requiredList("a list of event type names");
    if (elements.isEmpty()) {
      return null;
    }
    Set<EventType> out = EnumSet.noneOf(EventType.class);
    boolean ok = true;
    for (ConfigValue element : elements) {
      EventType t = eventType(element);
      if (t == null) {
        ok = false;
      } else {
        out.add(t);
      }
    }
    return ok ? out : null;
  }

  /** One event type name, or null after reporting it. */
  public static EventType eventType(ConfigValue element) {
    String name = element.string();
    if (name == null) {
      if (!element.isPresent()) {
        element.problem("expected an event type name, got nothing (null)");
      }
      return null;
    }
    try {
      return EventType.fromName(name);
    } catch (IllegalArgumentException e) {
      element.problem("unknown event type '" + name + "', expected one of " + KNOWN_TYPES);
      return null;
    }
  }

  /** A tier name, or null (absent, or reported). */
  static Tier tier(ConfigValue at) {
    String name = at.string();
    if (name == null) {
      return null;
    }
    try {
      return Tier.fromName(name);
    } catch (IllegalArgumentException e) {
      at.problem(e.getMessage());
      return null;
    }
  }
}
