package dev.tierbus.topology.impl;

import static dev.tierbus.config.ValueKind.STRING;
import static dev.tierbus.config.ValueKind.STRINGS;
import static dev.tierbus.config.ValueKind.STRING_OR_STRINGS;

import dev.tierbus.config.ConfigValue;
import dev.tierbus.config.KeyTable;
import dev.tierbus.config.ValueText;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Tier;
import dev.tierbus.router.Filter;
import dev.tierbus.router.Publication;
import dev.tierbus.router.Scope;
import dev.tierbus.router.Subscription;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a container's {@code external_events}: what it publishes and what it subscribes to. */
public final class ExternalEvents {

  static final List<String> QOS = List.of("best_effort", "guaranteed");
  static final List<String> EVENT_TYPE_NAMES = Arrays.stream(EventType.values()).map(Enum::name).toList();
  static final List<String> TIER_NAMES = Arrays.stream(Tier.values()).map(Tier::configName).toList();

  private static final String KNOWN_TYPES = String.join(", ", EVENT_TYPE_NAMES);

  /** The keys of a publication, a subscription and its filters, with their kinds: read below, and the schema. */
  private static final KeyTable<Void> PUBLICATION = KeyTable.<Void>of()
      .value("events", STRINGS).examples("events", EVENT_TYPE_NAMES)
      .value("tier", STRING).examples("tier", TIER_NAMES)
      .value("scope", STRING).examples("scope", Arrays.stream(Scope.values()).map(Enum::name).toList())
      .value("qos", STRING).examples("qos", QOS);
  private static final KeyTable<Void> FILTERS = KeyTable.<Void>of()
      .value("symbols", STRING_OR_STRINGS)
      .value("types", STRING_OR_STRINGS)
      .value("timeframe", STRING_OR_STRINGS)
      .value("regime", STRING_OR_STRINGS);
  private static final KeyTable<Void> SUBSCRIPTION = KeyTable.<Void>of()
      .value("source", STRING)
      .value("events", STRINGS).examples("events", EVENT_TYPE_NAMES)
      .value("tier", STRING).examples("tier", TIER_NAMES)
      .section("filters", FILTERS);
  private static final KeyTable<Void> SECTION = KeyTable.<Void>of()
      .list("publishes", PUBLICATION)
      .list("subscribes", SUBSCRIPTION);

  static final List<String> KEYS = SECTION.keys();
  static final List<String> PUBLICATION_KEYS = PUBLICATION.keys();
  static final List<String> SUBSCRIPTION_KEYS = SUBSCRIPTION.keys();
  static final List<String> FILTER_KEYS = FILTERS.keys();

  /** One {@code publishes} entry and where it is. */
  public record DeclaredPublication(String path, Publication publication) {}

  /** One {@code subscribes} entry and where it is. */
  public record DeclaredSubscription(String path, Subscription subscription) {}

  /** The result for one container; entries with problems are left out. */
  public record Declared(List<DeclaredPublication> publications, List<DeclaredSubscription> subscriptions) {}

  private ExternalEvents() {}

  /** The JSON Schema of {@code external_events}. */
  public static JsonObject jsonSchema() {
    return SECTION.jsonSchema();
  }

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
    ConfigValue scopeAt = entry.child("scope");
    Scope scope = scopeAt.parsed(Scope::fromName);
    if (scope == null && scopeAt.isPresent()) {
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
    return at.parsed(Tier::fromName);
  }

}
