package dev.tierbus.api.impl;

import dev.tierbus.api.ApiOptions;
import dev.tierbus.container.Container;
import dev.tierbus.journal.DeadLetters;
import dev.tierbus.journal.JournalOptions;
import dev.tierbus.journal.JournalStatus;
import dev.tierbus.metrics.ContainerActivity;
import dev.tierbus.metrics.HealthSettings;
import dev.tierbus.metrics.MetricsSampler;
import dev.tierbus.metrics.PrometheusMetrics;
import dev.tierbus.metrics.TierMetricsSnapshot;
import dev.tierbus.router.RouterMetrics;
import dev.tierbus.topology.TopologyRuntime;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What every server verticle of one {@link dev.tierbus.api.ApiServer} shares: the runtime, the
 * options and token, the contract, the metrics sampler, the Prometheus meters and the
 * WebSocket hub.
 */
public final class ApiNode {

  private static final AtomicInteger SHARED_PORT_IDS = new AtomicInteger();
  /**
   * How long a snapshot of the tiers serves readers: taking one folds every latency histogram
   * (about 0.2 ms here), which would otherwise bound {@code GET /api/metrics} to a few thousand
   * requests per second.
   */
  static final long SNAPSHOT_TTL_NANOS = 100_000_000L;

  private record Snapshot(long nanos, List<TierMetricsSnapshot> tiers) {}

  private volatile Snapshot snapshot = new Snapshot(Long.MIN_VALUE / 2, List.of());

  private final Vertx vertx;
  private final TopologyRuntime runtime;
  private final ApiOptions options;
  private final String token;
  private final OpenAPIContract contract;
  private final Supplier<Optional<DeadLetters>> deadLetters;
  private final Supplier<Optional<JournalStatus>> journalStatus;
  private final HealthSettings health;
  private final MetricsSampler sampler;
  private final NodeMeters meters;
  private final SignalHub hub;
  private final int listenPort;
  private final int journalRetryAfterSeconds;
  private final IdempotencyKeys idempotencyKeys;

  public ApiNode(Vertx vertx, TopologyRuntime runtime, ApiOptions options, String token, OpenAPIContract contract,
      Supplier<Optional<DeadLetters>> deadLetters, Supplier<Optional<JournalStatus>> journalStatus) {
    this.vertx = vertx;
    this.runtime = runtime;
    this.options = options;
    this.token = token;
    this.contract = contract;
    this.deadLetters = deadLetters;
    this.journalStatus = journalStatus;
    this.health = HealthSettings.fromEventRouter(runtime.topology().eventRouter());
    this.journalRetryAfterSeconds = retryAfterSeconds(runtime);
    this.idempotencyKeys = new IdempotencyKeys(options.getIdempotencyWindowMs(), options.getIdempotencyMaxKeys());
    this.sampler = new MetricsSampler(vertx, this::freshTierSnapshots, this::containerActivity,
        health.checkIntervalMs()).start();
    this.hub = new SignalHub(vertx, runtime.router(), options);
    PrometheusMeterRegistry registry = PrometheusMetrics.registry(vertx);
    this.meters = NodeMeters.bind(registry, runtime, sampler, hub);
    // port 0: every instance listens on the same negative id, which Vert.x binds to one free port
    this.listenPort = options.getPort() == 0 ? -(SHARED_PORT_IDS.incrementAndGet()) : options.getPort();
  }

  /** The tiers' figures, at most {@link #SNAPSHOT_TTL_NANOS} old. */
  List<TierMetricsSnapshot> tierSnapshots() {
    Snapshot s = snapshot;
    long now = System.nanoTime();
    if (now - s.nanos < SNAPSHOT_TTL_NANOS) {
      return s.tiers;
    }
    synchronized (this) {
      s = snapshot;
      if (now - s.nanos >= SNAPSHOT_TTL_NANOS) {
        s = new Snapshot(System.nanoTime(), freshTierSnapshots());
        snapshot = s;
      }
      return s.tiers;
    }
  }

  private List<TierMetricsSnapshot> freshTierSnapshots() {
    RouterMetrics m = runtime.router().metrics();
    return List.of(m.fast(), m.standard(), m.reliable());
  }

  private List<ContainerActivity> containerActivity() {
    List<ContainerActivity> out = new ArrayList<>();
    for (Container c : runtime.containers().values()) {
      out.add(new ContainerActivity(c.id(), c.eventsIn(), c.componentErrors()));
    }
    return out;
  }

  public Future<Void> close() {
    sampler.stop();
    meters.close();
    return hub.close();
  }

  public Vertx vertx() {
    return vertx;
  }

  public TopologyRuntime runtime() {
    return runtime;
  }

  public ApiOptions options() {
    return options;
  }

  public String token() {
    return token;
  }

  OpenAPIContract contract() {
    return contract;
  }

  Optional<DeadLetters> deadLetters() {
    return deadLetters.get();
  }

  Optional<JournalStatus> journalStatus() {
    return journalStatus.get();
  }

  HealthSettings health() {
    return health;
  }

  MetricsSampler sampler() {
    return sampler;
  }

  NodeMeters meters() {
    return meters;
  }

  public SignalHub hub() {
    return hub;
  }

  int listenPort() {
    return listenPort;
  }

  /**
   * {@code Retry-After} of a 503 for an unreachable journal: the journal's
   * {@code reconnect_interval_ms} rounded up to whole seconds (at least 1), the soonest the
   * tier can have it back.
   */
  int journalRetryAfterSeconds() {
    return journalRetryAfterSeconds;
  }

  /** The event ids {@code POST /api/events} remembers, shared by every server verticle. */
  IdempotencyKeys idempotencyKeys() {
    return idempotencyKeys;
  }

  private static int retryAfterSeconds(TopologyRuntime runtime) {
    long ms;
    try {
      ms = JournalOptions.fromJson(runtime.topology().journal()).getReconnectIntervalMs();
    } catch (RuntimeException e) {
      ms = JournalOptions.DEFAULT_RECONNECT_INTERVAL_MS;
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (ms + 999) / 1000));
  }
}
