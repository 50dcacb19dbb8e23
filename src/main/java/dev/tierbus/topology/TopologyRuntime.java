package dev.tierbus.topology;

import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerDeployer;
import dev.tierbus.container.ContainerDeployer.ContainerDeployment;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.journal.JournalOptions;
import dev.tierbus.journal.ReliableTier;
import dev.tierbus.journal.ReliableTiers;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A topology running on one node: its router and its deployed containers.
 *
 * <pre>
 * deploy:  router = TieredEventRouter.create(options)  →  reliable tier on the journal (if any)
 *          →  ContainerDeployer.deploy(specs)  (all or nothing)
 * stop:    undeploy containers (children first, subscriptions drained)  →  router.close() (drains the tiers)
 * </pre>
 *
 * <p>If deploying fails, whatever started is undeployed, the router is closed and the Future
 * fails with the first cause. Every step is asynchronous; nothing blocks an event loop.
 */
public final class TopologyRuntime {

  private static final Logger log = LoggerFactory.getLogger(TopologyRuntime.class);

  private volatile Topology topology;
  private final TieredEventRouter router;
  private final ContainerDeployment deployment;
  private final Vertx vertx;
  private final ReliableTier reliableTier;
  private final long metricsLogTimer;
  private final RuntimeChanges changes;
  private Future<Void> stopped;

  private TopologyRuntime(Vertx vertx, Topology topology, TieredEventRouter router, ReliableTier reliableTier,
      ContainerDeployment deployment, RuntimeChanges changes) {
    this.vertx = vertx;
    this.reliableTier = reliableTier;
    this.changes = changes;
    this.topology = topology;
    this.router = router;
    this.deployment = deployment;
    long seconds = performanceLogIntervalSec(topology);
    this.metricsLogTimer = seconds > 0
        ? vertx.setPeriodic(seconds * 1000, id -> log.info("tiers: {}", router.metrics().summary()))
        : -1;
  }

  /** {@code event_router.global_settings.monitoring.performance_log_interval_sec}, 0 when absent. */
  static long performanceLogIntervalSec(Topology topology) {
    JsonObject settings = topology.eventRouter().getJsonObject("global_settings", new JsonObject());
    return settings.getJsonObject("monitoring", new JsonObject()).getLong("performance_log_interval_sec", 0L);
  }

  /**
   * The journal the topology names: its {@code journal} section, completed from the standard
   * {@code PG*} environment variables. {@link JournalOptions#isConfigured()} is false when it
   * names no PostgreSQL server (the {@code run} command then starts an embedded one).
   *
   * @throws IllegalArgumentException when {@code PG*} variables are unusable
   */
  public static JournalOptions journalOf(Topology topology) {
    return JournalOptions.fromJson(topology.journal()).applyEnvironment(System.getenv());
  }

  /**
   * Deploys every top-level container of {@code topology} (a single-node run), with a reliable
   * tier on the journal the topology configures ({@link #journalOf}); when it configures none,
   * there is no reliable tier and publishing on it fails with a message saying so.
   */
  public static Future<TopologyRuntime> deploy(Vertx vertx, Topology topology, ContainerRegistry registry) {
    Objects.requireNonNull(topology, "topology");
    JournalOptions journal;
    try {
      journal = journalOf(topology);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return deploy(vertx, topology, topology.containers(), registry, journal.isConfigured() ? journal : null, null);
  }

  /**
   * Deploys every top-level container of {@code topology} with a reliable tier on
   * {@code journal} (none when null).
   */
  public static Future<TopologyRuntime> deploy(Vertx vertx, Topology topology, ContainerRegistry registry,
      JournalOptions journal) {
    Objects.requireNonNull(topology, "topology");
    return deploy(vertx, topology, topology.containers(), registry, journal, null);
  }

  /**
   * Deploys the containers {@code deployment.nodes} assigns to {@code nodeName} (all of them
   * when the file declares no nodes).
   *
   * @throws IllegalArgumentException (as a failed Future) for an unknown node name
   */
  public static Future<TopologyRuntime> deployNode(Vertx vertx, Topology topology, String nodeName,
      ContainerRegistry registry) {
    Objects.requireNonNull(topology, "topology");
    List<ContainerSpec> specs;
    try {
      specs = topology.containersForNode(nodeName);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    JournalOptions journal;
    try {
      journal = journalOf(topology);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return deploy(vertx, topology, specs, registry, journal.isConfigured() ? journal : null, nodeName);
  }

  private static Future<TopologyRuntime> deploy(Vertx vertx, Topology topology, List<ContainerSpec> specs,
      ContainerRegistry registry, JournalOptions journal, String nodeName) {
    Objects.requireNonNull(vertx, "vertx");
    Objects.requireNonNull(registry, "registry");
    TieredEventRouter router;
    try {
      router = TieredEventRouter.create(vertx, topology.routerOptions());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    int poolSize = topology.deployment().getInteger("worker_pool_size", ContainerDeployer.DEFAULT_WORKER_POOL_SIZE);
    Future<ReliableTier> reliable = journal == null
        ? Future.succeededFuture(null)
        : ReliableTiers.install(router, journal);
    // runtime changes deploy where the topology was deployed from (see RuntimeChanges)
    Context changesContext = vertx.getOrCreateContext();
    ContainerDeployer deployer = new ContainerDeployer(vertx, router, registry, poolSize);
    return reliable
        .compose(tier -> deployer.deploy(specs)
            .map(d -> new TopologyRuntime(vertx, topology, router, tier, d,
                new RuntimeChanges(registry, deployer, d, topology.nodeNames().isEmpty() ? null : nodeName,
                    changesContext))))
        .recover(cause -> router.close()
            .transform(ar -> Future.<TopologyRuntime>failedFuture(cause)));
  }

  /** The topology as it runs now: the file's, with the runtime changes made since applied. */
  public Topology topology() {
    return topology;
  }

  public TieredEventRouter router() {
    return router;
  }

  /** The node this runtime is, when the topology assigns containers to nodes. */
  public java.util.Optional<String> nodeName() {
    return java.util.Optional.ofNullable(changes.nodeName());
  }

  public ContainerDeployment deployment() {
    return deployment;
  }

  /**
   * The reliable tier of this node, when one is installed (its dead letters and journal
   * status); empty when reliable-tier events cannot be published here.
   */
  public Optional<ReliableTier> reliableTier() {
    return Optional.ofNullable(reliableTier);
  }

  /**
   * Deploys a new container from {@code entry} (a container entry of the topology file, with
   * its {@code container_id}) at the top level or under the running container {@code parentId}.
   * The entry is checked with the whole topology exactly as the file is; nothing is deployed
   * when it has a problem. Changes run one at a time.
   *
   * @return the deployed container, or a failed Future with a {@link ContainerChangeException}
   */
  public Future<Container> deployContainer(JsonObject entry, String parentId) {
    return changes.serially(() -> changes.deploy(topology, entry, parentId).map(this::applied));
  }

  /**
   * Replaces the container {@code id} (and its sub-containers) with the one {@code entry}
   * describes (hot swap): checked like {@link #deployContainer}; the old one is undeployed
   * (its subscriptions drained), then the new one deployed under the same id and parent. If the
   * new one cannot start, the old spec is deployed again and the Future fails.
   *
   * <p>What the old container had queued is handled by it before it stops (bounded by the
   * router's drain timeout). Reliable-tier events published while the two are swapped are
   * journalled for this id all the same ({@code TieredEventRouter.holdReliableRoutes}) and
   * delivered to the new one; fast- and standard-tier events of that moment (the start of one
   * container) have no route to it.
   */
  public Future<Container> redeployContainer(String id, JsonObject entry) {
    return changes.serially(() -> changes.redeploy(topology, id, entry).map(this::applied));
  }

  /**
   * Undeploys the container {@code id} and its sub-containers. Refused (CONFLICT) while other
   * containers name it as a subscription source, as the file would be.
   *
   * @return the undeployed container
   */
  public Future<Container> undeployContainer(String id) {
    return changes.serially(() -> changes.undeploy(topology, id).map(this::applied));
  }

  private Container applied(RuntimeChanges.Applied a) {
    topology = a.topology();
    return a.container();
  }

  /** Every deployed container (top-level and nested), by id, depth first. */
  public Map<String, Container> containers() {
    return deployment.containers();
  }

  /**
   * Undeploys the containers (last deployed first), then closes the router, which drains its
   * tiers. Idempotent: later calls return the first call's Future. Never fails: problems on the
   * way are logged and the stop goes on.
   */
  public synchronized Future<Void> stop() {
    if (stopped == null) {
      if (metricsLogTimer >= 0) {
        vertx.cancelTimer(metricsLogTimer);
        log.info("tiers: {}", router.metrics().summary());
      }
      stopped = deployment.undeploy()
          .recover(e -> {
            log.warn("undeploying the topology failed: {}", e.toString());
            return Future.succeededFuture();
          })
          .compose(v -> router.close())
          .recover(e -> {
            log.warn("closing the router failed: {}", e.toString());
            return Future.succeededFuture();
          });
    }
    return stopped;
  }
}
