package dev.tierbus.metrics;

import io.vertx.core.json.JsonObject;

/**
 * What one container's components did over the last sampling interval.
 *
 * @param container the container's id
 * @param eventsIn events it received during the interval
 * @param errors component invocations that threw during the interval
 * @param errorRatePct {@code errors} per event received, in percent: 0 without errors, 100 when
 *     errors came with no event received (a component called for other reasons), and above 100
 *     when several components of the container failed on one event
 */
public record ContainerErrorRate(String container, long eventsIn, long errors, double errorRatePct) {

  /** The rate between two samples of one container (a redeployed container starts again from 0). */
  public static ContainerErrorRate between(ContainerActivity before, ContainerActivity after) {
    long in = before == null ? after.eventsIn() : Math.max(0, after.eventsIn() - before.eventsIn());
    long errors = before == null ? after.componentErrors()
        : Math.max(0, after.componentErrors() - before.componentErrors());
    if (before != null && (after.eventsIn() < before.eventsIn() || after.componentErrors() < before.componentErrors())) {
      // the counters went back: a new instance under the same id, counting from 0
      in = after.eventsIn();
      errors = after.componentErrors();
    }
    double rate = errors == 0 ? 0 : in == 0 ? 100 : 100.0 * errors / in;
    return new ContainerErrorRate(after.container(), in, errors, rate);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("events_in", eventsIn)
        .put("errors", errors)
        .put("error_rate_pct", Math.round(errorRatePct * 10.0) / 10.0);
  }
}
