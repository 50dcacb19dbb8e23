package dev.tierbus.metrics;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code containers.errors} health check: DOWN when a container's components threw on more
 * than {@code max_error_rate_pct} percent of the events it received during the last sampling
 * interval (the same threshold as the router's error rate), naming each such container with its
 * error count. A container with a failing component keeps running (its other events are
 * handled), so only this check tells that its work is being lost.
 */
public final class ComponentErrorChecks {

  public static final String NAME = "containers.errors";

  private ComponentErrorChecks() {}

  public static CheckResult check(List<ContainerErrorRate> rates, HealthSettings s) {
    JsonObject data = new JsonObject().put("max_error_rate_pct", s.maxErrorRatePct());
    List<String> over = new ArrayList<>();
    for (ContainerErrorRate r : rates) {
      if (r.errors() > 0) {
        data.put(r.container(), r.toJson());
      }
      if (r.errors() > 0 && r.errorRatePct() > s.maxErrorRatePct()) {
        over.add(String.format(Locale.ROOT, "%s: %d component errors on %d events in (%.1f %%)", r.container(),
            r.errors(), r.eventsIn(), r.errorRatePct()));
      }
    }
    return over.isEmpty()
        ? CheckResult.up(NAME, "every container's component errors of the last interval are at most "
            + s.maxErrorRatePct() + " % of its events in", data)
        : CheckResult.down(NAME, String.join(", ", over) + " in the last interval (max_error_rate_pct "
            + s.maxErrorRatePct() + ")", data);
  }
}
