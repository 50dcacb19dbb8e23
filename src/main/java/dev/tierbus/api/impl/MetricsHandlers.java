package dev.tierbus.api.impl;

import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerState;
import dev.tierbus.journal.JournalStatus;
import dev.tierbus.metrics.CheckResult;
import dev.tierbus.metrics.ComponentErrorChecks;
import dev.tierbus.metrics.HealthReport;
import dev.tierbus.metrics.TierHealthChecks;
import dev.tierbus.metrics.TierMetricsSnapshot;
import dev.tierbus.metrics.TierRates;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code GET /api/metrics}, {@code GET /metrics} (Prometheus), {@code GET /health}. */
final class MetricsHandlers {

  private final ApiNode node;

  MetricsHandlers(ApiNode node) {
    this.node = node;
  }

  /**
   * Per tier: the counters, queue depth and latency percentiles since start, its details,
   * and the events per second (published, refused, delivered) and error rate (handler errors
   * and refused publishes) of the last sampling interval; per container: state, events in/out
   * and component errors; the WebSocket stream's figures.
   */
  void metrics(RoutingContext rc) {
    JsonObject tiers = new JsonObject();
    for (TierMetricsSnapshot t : node.tierSnapshots()) {
      TierRates r = node.sampler().rates(t.tier());
      JsonObject json = t.toJson();
      json.remove("tier");
      json.put("events_per_sec", new JsonObject()
              .put("published", round(r.publishedPerSec()))
              .put("refused", round(r.refusedPerSec()))
              .put("delivered", round(r.deliveredPerSec())))
          .put("error_rate_pct", round(r.errorRatePct()));
      tiers.put(t.tier(), json);
    }
    JsonArray containers = new JsonArray();
    for (Container c : node.runtime().containers().values()) {
      containers.add(new JsonObject()
          .put("id", c.id())
          .put("type", c.type())
          .put("parent", c.parent() == null ? null : c.parent().id())
          .put("state", c.state().name())
          .put("events_in", c.eventsIn())
          .put("events_out", c.eventsOut())
          .put("component_errors", c.componentErrors()));
    }
    SignalHub hub = node.hub();
    Responses.json(rc, 200, new JsonObject()
        .put("time", Instant.now().toString())
        .put("interval_ms", node.sampler().intervalMs())
        .put("tiers", tiers)
        .put("containers", containers)
        .put("websocket", new JsonObject()
            .put("clients", hub.clients())
            .put("frames_sent", hub.framesSent())
            .put("frames_dropped", hub.framesDropped())
            .put("events_conflated", hub.eventsConflated())
            .put("errors", hub.errors())));
  }

  void prometheus(RoutingContext rc) {
    rc.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(node.meters().scrape());
  }

  /**
   * Liveness (this answer) and readiness: the journal (when a reliable tier is installed), the
   * containers (none failed; their component errors against the error-rate threshold), and the
   * router against the health-check thresholds. 200 when ready, else 503 naming the failing checks.
   */
  void health(RoutingContext rc) {
    HealthReport report = report();
    Responses.json(rc, report.ready() ? 200 : 503, report.toJson()
        .put("thresholds", node.health().toJson()));
  }

  void live(RoutingContext rc) {
    Responses.json(rc, 200, new JsonObject().put("status", "UP").put("live", true));
  }

  HealthReport report() {
    List<CheckResult> checks = new ArrayList<>();
    checks.add(journal(node.journalStatus()));
    checks.add(containers());
    if (node.health().enabled()) {
      checks.add(ComponentErrorChecks.check(node.sampler().containerRates(), node.health()));
      checks.addAll(TierHealthChecks.check(node.tierSnapshots(), node.sampler().rates(), node.health()));
    }
    return new HealthReport(checks);
  }

  private static CheckResult journal(Optional<JournalStatus> status) {
    if (status.isEmpty()) {
      return CheckResult.warn("journal", "no reliable tier is installed on this node: ORDER, FILL, SYSTEM, ERROR and "
          + "RISK_ALERT events cannot be published here", new JsonObject().put("installed", false));
    }
    JournalStatus s = status.get();
    JsonObject data = new JsonObject()
        .put("installed", true)
        .put("description", s.description())
        .put("pending", s.pending())
        .put("dead_letters", s.deadLetters());
    return s.reachable()
        ? CheckResult.up("journal", "journal reachable: " + s.description(), data)
        : CheckResult.down("journal", "journal not reachable: " + s.lastError(), data.put("last_error", s.lastError()));
  }

  private CheckResult containers() {
    List<String> failed = new ArrayList<>();
    JsonObject data = new JsonObject();
    for (Container c : node.runtime().containers().values()) {
      data.put(c.id(), c.state().name());
      if (c.state() == ContainerState.FAILED) {
        failed.add(c.id());
      }
    }
    return failed.isEmpty()
        ? CheckResult.up("containers", "no container failed", data)
        : CheckResult.down("containers", "failed: " + String.join(", ", failed), data);
  }

  private static double round(double v) {
    return Math.round(v * 10.0) / 10.0;
  }
}
