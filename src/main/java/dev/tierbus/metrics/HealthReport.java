package dev.tierbus.metrics;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Liveness and readiness of a node: it is live when it can answer at all, ready when no check
 * is DOWN. {@code failing} names the DOWN checks.
 */
public record HealthReport(List<CheckResult> checks) {

  public HealthReport {
    checks = List.copyOf(checks);
  }

  public boolean ready() {
    return checks.stream().noneMatch(c -> c.status() == CheckResult.Status.DOWN);
  }

  public List<String> failing() {
    return checks.stream().filter(c -> c.status() == CheckResult.Status.DOWN).map(CheckResult::name).toList();
  }

  /** {@code {"status": "UP"|"DOWN", "live": true, "ready": ..., "failing": [...], "checks": [...]}}. */
  public JsonObject toJson() {
    JsonArray list = new JsonArray();
    checks.forEach(c -> list.add(c.toJson()));
    return new JsonObject()
        .put("status", ready() ? "UP" : "DOWN")
        .put("live", true)
        .put("ready", ready())
        .put("failing", new JsonArray(failing()))
        .put("checks", list);
  }
}
