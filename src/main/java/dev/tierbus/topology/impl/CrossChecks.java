package dev.tierbus.topology.impl;

import dev.tierbus.config.Problems;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Tier;
import dev.tierbus.router.Publication;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.Subscription;
import dev.tierbus.topology.impl.DeploymentSection.Assignment;
import dev.tierbus.topology.impl.ExternalEvents.DeclaredPublication;
import dev.tierbus.topology.impl.ExternalEvents.DeclaredSubscription;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks that need the whole file: unique container ids, subscription sources that exist,
 * a subscriber's expected tier against the tier its source publishes on, and the containers
 * each node runs.
 */
public final class CrossChecks {

  private final Problems problems;
  private final RouterOptions router;
  private final Map<String, ContainerDraft> byId = new LinkedHashMap<>();
  private final Map<String, ContainerDraft> parentOf = new HashMap<>();

  private CrossChecks(Problems problems, RouterOptions router) {
    this.problems = problems;
    this.router = router;
  }

  public static void run(List<ContainerDraft> roots, RouterSection.Build router,
      DeploymentSection.Result deployment, Problems problems) {
    CrossChecks c = new CrossChecks(problems, router.options());
    c.uniqueIds(roots);
    if (router.containerId() != null && c.byId.containsKey(router.containerId())) {
      problems.add("event_router.container_id", "'" + router.containerId() + "' is also the id of the container at "
          + c.byId.get(router.containerId()).path() + "; give the router another id");
    }
    for (ContainerDraft root : roots) {
      root.forEach(d -> {
        c.publications(d);
        c.subscriptions(d);
      });
    }
    c.nodes(roots, deployment);
  }

  private void uniqueIds(List<ContainerDraft> roots) {
    for (ContainerDraft root : roots) {
      collect(root, null);
    }
  }

  private void collect(ContainerDraft d, ContainerDraft parent) {
    if (d.id() != null) {
      ContainerDraft first = byId.putIfAbsent(d.id(), d);
      if (first != null) {
        problems.add(d.idPath(), "duplicate container id '" + d.id() + "', also used at " + first.idPath());
      } else if (parent != null) {
        parentOf.put(d.id(), parent);
      }
    }
    for (ContainerDraft child : d.children()) {
      collect(child, d);
    }
  }

  /** An event type in one publication per container; guaranteed QoS not on the fast tier. */
  private void publications(ContainerDraft d) {
    Map<EventType, String> declaredAt = new EnumMap<>(EventType.class);
    for (DeclaredPublication dp : d.publications()) {
      Publication p = dp.publication();
      for (EventType type : p.events()) {
        String first = declaredAt.putIfAbsent(type, dp.path());
        if (first != null) {
          problems.add(dp.path() + ".events", type + " is already declared at " + first
              + "; a container publishes a type on one tier and scope");
        }
        if ("guaranteed".equals(p.qos()) && tierOf(p, type) == Tier.FAST) {
          problems.add(dp.path() + ".qos", "guaranteed is not available for " + type
              + " on the fast tier (best effort); use tier: standard or reliable");
        }
      }
    }
  }

  private void subscriptions(ContainerDraft d) {
    for (DeclaredSubscription ds : d.subscriptions()) {
      Subscription s = ds.subscription();
      if (s.source() != null) {
        ContainerDraft source = byId.get(s.source());
        if (source == null) {
          problems.add(ds.path() + ".source", "no container with id '" + s.source() + "', known: " + byId.keySet());
          continue;
        }
        if (source == d) {
          problems.add(ds.path() + ".source", "a container never receives its own events; '"
              + s.source() + "' is the subscribing container");
          continue;
        }
        for (EventType type : s.events()) {
          DeclaredPublication dp = declaring(source, type);
          if (dp == null && !source.publications().isEmpty()) {
            problems.warn(ds.path() + ".events", "'" + source.id() + "' declares no publication of " + type);
          }
          Tier actual = dp == null ? router.tierOf(type) : tierOf(dp.publication(), type);
          if (s.tier() != null && s.tier() != actual) {
            problems.add(ds.path() + ".tier", "expects " + type + " on the " + s.tier().configName()
                + " tier, but '" + source.id() + "' publishes it on the " + actual.configName() + " tier ("
                + (dp == null ? "the node-wide tier of " + type : "declared at " + dp.path()) + ")");
          }
        }
      } else if (s.tier() != null) {
        for (EventType type : s.events()) {
          Set<Tier> actual = tiersOf(type);
          if (!actual.contains(s.tier())) {
            problems.add(ds.path() + ".tier", "expects " + type + " on the " + s.tier().configName()
                + " tier, but it travels on " + names(actual));
          }
        }
      }
    }
  }

  private static DeclaredPublication declaring(ContainerDraft source, EventType type) {
    for (DeclaredPublication dp : source.publications()) {
      if (dp.publication().events().contains(type)) {
        return dp;
      }
    }
    return null;
  }

  /** The tiers {@code type} travels on from the containers that declare it, else the node's tier. */
  private Set<Tier> tiersOf(EventType type) {
    Set<Tier> tiers = new LinkedHashSet<>();
    for (ContainerDraft d : byId.values()) {
      DeclaredPublication dp = declaring(d, type);
      if (dp != null) {
        tiers.add(tierOf(dp.publication(), type));
      }
    }
    if (tiers.isEmpty()) {
      tiers.add(router.tierOf(type));
    }
    return tiers;
  }

  private Tier tierOf(Publication p, EventType type) {
    return p.tier() != null ? p.tier() : router.tierOf(type);
  }

  private static String names(Set<Tier> tiers) {
    StringBuilder sb = new StringBuilder();
    for (Tier t : tiers) {
      sb.append(sb.length() == 0 ? "the " : " and the ").append(t.configName());
    }
    return sb.append(tiers.size() == 1 ? " tier" : " tiers").toString();
  }

  private void nodes(List<ContainerDraft> roots, DeploymentSection.Result deployment) {
    if (deployment.nodes().isEmpty()) {
      return;
    }
    Map<String, Assignment> assigned = new HashMap<>();
    for (Assignment a : deployment.assignments()) {
      ContainerDraft d = byId.get(a.containerId());
      if (d == null) {
        problems.add(a.path(), "no container with id '" + a.containerId() + "'");
        continue;
      }
      if (parentOf.containsKey(a.containerId())) {
        problems.add(a.path(), "'" + a.containerId() + "' is a sub-container of '" + parentOf.get(a.containerId()).id()
            + "'; nodes list top-level containers, which run with their sub-containers");
        continue;
      }
      Assignment first = assigned.putIfAbsent(a.containerId(), a);
      if (first != null) {
        problems.add(a.path(), "container '" + a.containerId() + "' is already on node '" + first.node()
            + "' (" + first.path() + "); a container runs on one node");
      }
    }
    for (ContainerDraft root : roots) {
      if (root.id() != null && byId.get(root.id()) == root && !assigned.containsKey(root.id())) {
        problems.add("deployment.nodes", "container '" + root.id() + "' (" + root.path()
            + ") is on no node; list it under one node's containers");
      }
    }
  }
}
