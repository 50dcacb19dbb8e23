package dev.tierbus.api.impl;

import dev.tierbus.container.Container;
import dev.tierbus.metrics.MetricsSampler;
import dev.tierbus.metrics.TierMeters;
import dev.tierbus.router.RouterMetrics;
import dev.tierbus.topology.TopologyRuntime;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The node's meters in the Prometheus registry beside Vert.x's own: the tiers
 * ({@link TierMeters}), every container's events in and out, and the WebSocket stream.
 *
 * <pre>
 * tierbus_container_events_in{container, type}, tierbus_container_events_out{container, type}
 * tierbus_container_component_errors_total{container, type}   component invocations that threw
 * tierbus_websocket_clients, tierbus_websocket_frames_sent_total, tierbus_websocket_frames_dropped_total,
 * tierbus_websocket_events_conflated_total
 * </pre>
 * {@link #scrape()} refreshes the figures, then renders the text format.
 */
final class NodeMeters implements AutoCloseable {

  private final PrometheusMeterRegistry registry;
  private final TopologyRuntime runtime;
  private final MetricsSampler sampler;
  private final TierMeters tiers;
  private final MultiGauge eventsIn;
  private final MultiGauge eventsOut;
  private final List<Meter> meters = new ArrayList<>();
  /** One counter per deployed container instance (a redeployed one counts from 0 again). */
  private final Map<String, ErrorCounter> componentErrors = new HashMap<>();

  private record ErrorCounter(Container container, FunctionCounter counter) {}

  private NodeMeters(PrometheusMeterRegistry registry, TopologyRuntime runtime, MetricsSampler sampler, SignalHub hub) {
    this.registry = registry;
    this.runtime = runtime;
    this.sampler = sampler;
    this.tiers = new TierMeters(registry);
    this.eventsIn = MultiGauge.builder("tierbus.container.events.in")
        .description("events a container received (external and internal)").register(registry);
    this.eventsOut = MultiGauge.builder("tierbus.container.events.out")
        .description("events a container published (external and internal)").register(registry);
    meters.add(Gauge.builder("tierbus.websocket.clients", hub, SignalHub::clients)
        .description("WebSocket clients connected").register(registry));
    meters.add(FunctionCounter.builder("tierbus.websocket.frames.sent", hub, SignalHub::framesSent)
        .description("event frames written to WebSocket clients").register(registry));
    meters.add(FunctionCounter.builder("tierbus.websocket.frames.dropped", hub, SignalHub::framesDropped)
        .description("events conflated away for slow WebSocket clients").register(registry));
    meters.add(FunctionCounter.builder("tierbus.websocket.events.conflated", hub, SignalHub::eventsConflated)
        .description("events the WebSocket fan-out could not keep up with (conflated before any client)")
        .register(registry));
  }

  static NodeMeters bind(PrometheusMeterRegistry registry, TopologyRuntime runtime, MetricsSampler sampler, SignalHub hub) {
    return new NodeMeters(registry, runtime, sampler, hub);
  }

  /** Refreshes tierbus's figures and renders the whole registry in the Prometheus text format. */
  synchronized String scrape() {
    RouterMetrics m = runtime.router().metrics();
    tiers.update(List.of(m.fast(), m.standard(), m.reliable()), sampler.rates());
    List<MultiGauge.Row<?>> in = new ArrayList<>();
    List<MultiGauge.Row<?>> out = new ArrayList<>();
    for (Container c : runtime.containers().values()) {
      Tags tags = Tags.of("container", c.id(), "type", c.type());
      in.add(MultiGauge.Row.of(tags, c.eventsIn()));
      out.add(MultiGauge.Row.of(tags, c.eventsOut()));
    }
    eventsIn.register(in, true);
    eventsOut.register(out, true);
    updateComponentErrors(runtime.containers());
    return registry.scrape();
  }

  private void updateComponentErrors(Map<String, Container> deployed) {
    componentErrors.entrySet().removeIf(e -> {
      boolean gone = deployed.get(e.getKey()) != e.getValue().container();
      if (gone) {
        registry.remove(e.getValue().counter());
      }
      return gone;
    });
    for (Container c : deployed.values()) {
      componentErrors.computeIfAbsent(c.id(), id -> new ErrorCounter(c,
          FunctionCounter.builder("tierbus.container.component.errors", c, Container::componentErrors)
              .tags(Tags.of("container", c.id(), "type", c.type()))
              .description("component invocations of a container that threw")
              .register(registry)));
    }
  }

  @Override
  public synchronized void close() {
    tiers.close();
    eventsIn.register(List.of(), true);
    eventsOut.register(List.of(), true);
    updateComponentErrors(Map.of());
    meters.forEach(registry::remove);
    meters.clear();
  }
}
