package dev.tierbus.trading.ensemble;

import dev.tierbus.config.ParamReader;
import dev.tierbus.container.ContainerSpec;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a {@code strategy_ensemble} aggregates: read from its {@code internal_events} and its
 * {@code sub_containers}, as in the design document.
 *
 * <pre>
 *   internal_events:
 *     aggregation:
 *       method: weighted_voting          or majority                         default weighted_voting
 *       weights: {momentum_fast: 0.4, …}  by sub-container id, >= 0; missing → 1.0
 *       coordination:                    (also accepted directly under internal_events)
 *         pattern: collect_and_aggregate  the only pattern of this version
 *         timeout_ms: 100                 >= 1; wait at most this long after a group's first signal
 *         require_all_signals: true       true: drop a group not complete by then; false: aggregate it
 * </pre>
 *
 * Any other key under {@code internal_events} is a problem naming the closest known key.
 *
 * @param members the sub-container ids, in declaration order
 * @param weights the weight of each member, same order (1.0 when not configured)
 */
public record EnsembleConfig(
    AggregationMethod method,
    List<String> members,
    double[] weights,
    long timeoutMs,
    boolean requireAllSignals) {

  public static final AggregationMethod DEFAULT_METHOD = AggregationMethod.WEIGHTED_VOTING;
  public static final String PATTERN = "collect_and_aggregate";
  public static final long DEFAULT_TIMEOUT_MS = 100;
  public static final boolean DEFAULT_REQUIRE_ALL_SIGNALS = true;
  public static final double DEFAULT_WEIGHT = 1.0;

  public EnsembleConfig {
    members = List.copyOf(members);
    weights = weights.clone();
    if (weights.length != members.size()) {
      throw new IllegalArgumentException("one weight per member expected, got " + weights.length + " for " + members);
    }
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** The weight of each member, by id. */
  public Map<String, Double> weightsById() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < weights.length; i++) {
      out.put(members.get(i), weights[i]);
    }
    return out;
  }

  /** Position of {@code containerId} among the members, or -1. */
  public int indexOf(String containerId) {
    return members.indexOf(containerId);
  }

  /**
   * Reads the config of an ensemble's spec; problems (keys relative to the container entry)
   * are added to {@code problems} and the returned config then holds defaults for the bad
   * values.
   */
  public static EnsembleConfig read(ContainerSpec spec, List<String> problems) {
    List<String> members = new ArrayList<>();
    for (ContainerSpec child : spec.children()) {
      members.add(child.id());
    }
    ParamReader root = ParamReader.of(new JsonObject().put("internal_events", spec.internalEvents()),
        "strategy_ensemble");
    ParamReader events = root.object("internal_events");
    if (members.isEmpty()) {
      root.problem("sub_containers", "a strategy_ensemble needs at least one sub-container (its strategies)");
    }
    ParamReader aggregation = events.object("aggregation");

    AggregationMethod method = DEFAULT_METHOD;
    String m = aggregation.string("method", null);
    if (m != null) {
      try {
        method = AggregationMethod.fromName(m);
      } catch (IllegalArgumentException e) {
        aggregation.problem("method", "'" + m + "' is unknown, expected weighted_voting or majority");
      }
    }

    double[] weights = new double[members.size()];
    Arrays.fill(weights, DEFAULT_WEIGHT);
    ParamReader w = aggregation.object("weights");
    for (String id : w.json().fieldNames()) {
      int i = members.indexOf(id);
      double weight = w.number(id, DEFAULT_WEIGHT, 0.0);
      if (i < 0) {
        w.problem(id, "no sub-container has this id, expected one of " + members);
      } else {
        weights[i] = weight;
      }
    }
    if (!members.isEmpty() && Arrays.stream(weights).allMatch(x -> x == 0.0)) {
      aggregation.problem("weights", "every weight is 0, expected at least one > 0");
    }

    if (aggregation.has("coordination") && events.has("coordination")) {
      events.problem("coordination", "given both here and under aggregation, expected one of them");
    }
    ParamReader coordination = aggregation.has("coordination")
        ? aggregation.object("coordination") : events.object("coordination");
    String pattern = coordination.string("pattern", PATTERN);
    if (!PATTERN.equals(pattern)) {
      coordination.problem("pattern", "'" + pattern + "' is not supported, expected " + PATTERN);
    }
    long timeoutMs = coordination.integer("timeout_ms", DEFAULT_TIMEOUT_MS, 1);
    boolean requireAll = coordination.bool("require_all_signals", DEFAULT_REQUIRE_ALL_SIGNALS);

    problems.addAll(root.reportUnknownKeys().problems());
    return new EnsembleConfig(method, members, weights, timeoutMs, requireAll);
  }

  /** The problems of an ensemble's spec; empty when it is fine. */
  public static List<String> problems(ContainerSpec spec) {
    List<String> problems = new ArrayList<>();
    read(spec, problems);
    return problems;
  }

  @Override
  public String toString() {
    return method.configName() + " " + weightsById() + ", timeout " + timeoutMs + " ms, require all " + requireAllSignals;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnsembleConfig c && method == c.method && members.equals(c.members)
        && Arrays.equals(weights, c.weights) && timeoutMs == c.timeoutMs && requireAllSignals == c.requireAllSignals;
  }

  @Override
  public int hashCode() {
    return ((method.hashCode() * 31 + members.hashCode()) * 31 + Arrays.hashCode(weights)) * 31
        + Long.hashCode(timeoutMs) * 2 + (requireAllSignals ? 1 : 0);
  }
}
