package dev.tierbus.api.impl;

import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.event.EventType;
import dev.tierbus.router.Filter;
import dev.tierbus.router.Publication;
import dev.tierbus.router.RouteInfo;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.TieredEventRouter;
import dev.tierbus.topology.TopologyRuntime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The running topology and the routing table as JSON. */
final class TopologyJson {

  private TopologyJson() {}

  /** {@code {"node", "router_id", "containers": [tree], "warnings": [...]}}. */
  static JsonObject topology(TopologyRuntime runtime) {
    JsonArray roots = new JsonArray();
    for (Container c : runtime.deployment().roots()) {
      roots.add(container(c, runtime, true));
    }
    return new JsonObject()
        .put("node", runtime.nodeName().orElse(null))
        .put("router_id", runtime.topology().routerId())
        .put("containers", roots)
        .put("warnings", new JsonArray(runtime.topology().warnings()));
  }

  /** One container: identity, state, counters, params, publications, subscriptions and (optionally) children. */
  static JsonObject container(Container c, TopologyRuntime runtime, boolean withChildren) {
    ContainerSpec spec = c.spec();
    TieredEventRouter router = runtime.router();
    JsonArray publications = new JsonArray();
    for (Publication p : spec.publications()) {
      JsonObject tiers = new JsonObject();
      for (EventType t : sorted(p.events())) {
        tiers.put(t.name(), router.tierOf(c.id(), t).configName());
      }
      publications.add(new JsonObject()
          .put("events", names(p.events()))
          .put("tier", p.tier() == null ? null : p.tier().configName())
          .put("effective_tiers", tiers)
          .put("scope", p.scope().name())
          .put("qos", p.qos()));
    }
    JsonArray subscriptions = new JsonArray();
    for (Subscription s : spec.subscriptions()) {
      subscriptions.add(new JsonObject()
          .put("source", s.source())
          .put("events", names(s.events()))
          .put("tier", s.tier() == null ? null : s.tier().configName())
          .put("filters", filter(s.filter())));
    }
    JsonObject json = new JsonObject()
        .put("id", c.id())
        .put("type", c.type())
        .put("state", c.state().name())
        .put("parent", c.parent() == null ? null : c.parent().id())
        .put("node", runtime.nodeName().orElse(null))
        .put("threading", spec.threading().name().toLowerCase(java.util.Locale.ROOT))
        .put("events_in", c.eventsIn())
        .put("events_out", c.eventsOut())
        .put("component_errors", c.componentErrors())
        .put("components", new JsonArray(c.componentNames()))
        .put("params", spec.params())
        .put("publications", publications)
        .put("subscriptions", subscriptions);
    if (!spec.internalEvents().isEmpty()) {
      json.put("internal_events", spec.internalEvents());
    }
    JsonArray children = new JsonArray();
    for (Container child : c.children()) {
      children.add(withChildren ? container(child, runtime, true) : new JsonObject().put("id", child.id()));
    }
    return json.put("children", children);
  }

  static JsonObject filter(Filter f) {
    return new JsonObject()
        .put("symbols", sortedStrings(f.symbols()))
        .put("types", sortedStrings(f.indicatorTypes()))
        .put("timeframe", sortedStrings(f.timeframes()))
        .put("regime", sortedStrings(f.regimes()));
  }

  /**
   * The routing table grouped by (event type, tier, publisher):
   * {@code {"routes": [{"type", "tier", "publisher", "subscribers": [{"subscriber", "subscription_id", "filters"}]}]}}.
   */
  static JsonObject routes(List<RouteInfo> rows) {
    Map<String, JsonObject> groups = new LinkedHashMap<>();
    List<RouteInfo> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing((RouteInfo r) -> r.type().name()).thenComparing(r -> r.tier().name())
        .thenComparing(RouteInfo::publisher).thenComparing(RouteInfo::subscriber));
    for (RouteInfo r : sorted) {
      String key = r.type() + "|" + r.tier() + "|" + r.publisher();
      JsonObject g = groups.computeIfAbsent(key, k -> new JsonObject()
          .put("type", r.type().name())
          .put("tier", r.tier().configName())
          .put("publisher", r.publisher())
          .put("subscribers", new JsonArray()));
      g.getJsonArray("subscribers").add(new JsonObject()
          .put("subscriber", r.subscriber())
          .put("subscription_id", r.subscriptionId())
          .put("filters", filter(r.filter())));
    }
    return new JsonObject().put("routes", new JsonArray(new ArrayList<>(groups.values()))).put("rows", rows.size());
  }

  private static JsonArray names(java.util.Set<EventType> types) {
    return new JsonArray(sorted(types).stream().map(Enum::name).toList());
  }

  private static List<EventType> sorted(java.util.Set<EventType> types) {
    return types.stream().sorted(Comparator.comparingInt(EventType::code)).toList();
  }

  private static JsonArray sortedStrings(java.util.Set<String> values) {
    return new JsonArray(values.stream().sorted().toList());
  }
}
