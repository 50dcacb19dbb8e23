package dev.tierbus.container;

import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds container trees from specs and deploys them: all of them or none.
 *
 * <p>Top-level containers are deployed in the given order; each deploys its children when it
 * starts. If any deployment fails, everything deployed so far is undeployed again and the
 * returned Future fails with the first cause. After the last one is up, every container's
 * {@code onSystemStarted()} runs.
 */
public final class ContainerDeployer {

  /** Name of the worker pool that worker-threaded containers run on. */
  public static final String WORKER_POOL = "tierbus-containers";
  public static final int DEFAULT_WORKER_POOL_SIZE = 16;

  private static final Logger log = LoggerFactory.getLogger(ContainerDeployer.class);

  private final Vertx vertx;
  private final TieredEventRouter router;
  private final ContainerRegistry registry;
  private final int workerPoolSize;

  public ContainerDeployer(Vertx vertx, TieredEventRouter router, ContainerRegistry registry) {
    this(vertx, router, registry, DEFAULT_WORKER_POOL_SIZE);
  }

  /**
   * @param workerPoolSize threads of the {@value #WORKER_POOL} pool; Vert.x creates a named pool
   *     once per Vertx instance, so the first deployment that uses it fixes its size
   */
  public ContainerDeployer(Vertx vertx, TieredEventRouter router, ContainerRegistry registry, int workerPoolSize) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.router = Objects.requireNonNull(router, "router");
    this.registry = Objects.requireNonNull(registry, "registry");
    if (workerPoolSize < 1) {
      throw new IllegalArgumentException("workerPoolSize must be >= 1, was " + workerPoolSize);
    }
    this.workerPoolSize = workerPoolSize;
    keepWorkerPoolOpen(vertx, workerPoolSize);
  }

  /**
   * Vert.x closes a named worker pool when its last user is undeployed, and then drops the
   * tasks still aimed at it, such as the undeploy callback of a worker container that
   * undeployed itself. One executor on the pool, held in the Vert.x instance's local map (an
   * executor nobody references is closed when it is garbage collected), keeps it open until
   * Vert.x itself closes.
   */
  private static void keepWorkerPoolOpen(Vertx vertx, int size) {
    LocalMap<String, PoolHolder> holders = vertx.sharedData().getLocalMap(PoolHolder.MAP);
    holders.computeIfAbsent(WORKER_POOL, name -> new PoolHolder(vertx.createSharedWorkerExecutor(name, size)));
  }

  private record PoolHolder(WorkerExecutor executor) implements Shareable {
    static final String MAP = "tierbus.worker-pools";
  }

  /** How a container of this spec is deployed (its threading model and pool). */
  public static DeploymentOptions deploymentOptions(ContainerSpec spec) {
    DeploymentOptions options = new DeploymentOptions();
    if (spec.threading() == Threading.WORKER) {
      options.setThreadingModel(ThreadingModel.WORKER)
          .setWorkerPoolName(WORKER_POOL)
          .setWorkerPoolSize(DEFAULT_WORKER_POOL_SIZE);
    }
    return options;
  }

  /** Creates and binds the container of {@code spec} and, recursively, its children. */
  public Container build(ContainerSpec spec) {
    Container c = registry.factory(spec.type()).create(spec);
    if (c == null) {
      throw new IllegalStateException("factory of container type '" + spec.type() + "' returned null");
    }
    c.bind(spec, router);
    for (ContainerSpec child : spec.children()) {
      c.addChild(build(child));
    }
    return c;
  }

  /** Builds and deploys every spec; all or nothing. */
  public Future<ContainerDeployment> deploy(List<ContainerSpec> roots) {
    List<Container> built = new ArrayList<>();
    try {
      for (ContainerSpec spec : roots) {
        built.add(build(spec));
      }
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return deployContainers(built);
  }

  /** Deploys already built containers; all or nothing. */
  public Future<ContainerDeployment> deployContainers(List<Container> roots) {
    ContainerDeployment deployment = new ContainerDeployment(vertx);
    Future<Void> chain = Future.succeededFuture();
    for (Container root : roots) {
      DeploymentOptions options = deploymentOptions(root.spec());
      if (options.getWorkerPoolName() != null) {
        options.setWorkerPoolSize(workerPoolSize);
      }
      chain = chain.compose(v -> vertx.deployVerticle(root, options)
          .map(id -> {
            deployment.add(root, id);
            return null;
          }));
    }
    return chain
        .map(v -> {
          for (Container root : roots) {
            root.systemStarted();
          }
          return deployment;
        })
        .recover(cause -> {
          log.error("deployment failed, undeploying what was started: {}", cause.toString());
          return deployment.undeploy().transform(ar -> Future.failedFuture(cause));
        });
  }

  /**
   * Builds and deploys one more top-level container into an existing deployment (a runtime
   * change); its {@code onSystemStarted()} runs once it is up. On failure nothing is added.
   */
  public Future<Container> deployRoot(ContainerDeployment into, ContainerSpec spec) {
    Container root;
    try {
      root = build(spec);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return deployRoot(into, root);
  }

  /** {@link #deployRoot(ContainerDeployment, ContainerSpec)} of a container already built. */
  public Future<Container> deployRoot(ContainerDeployment into, Container root) {
    DeploymentOptions options = deploymentOptions(root.spec());
    if (options.getWorkerPoolName() != null) {
      options.setWorkerPoolSize(workerPoolSize);
    }
    return vertx.deployVerticle(root, options).map(id -> {
      into.add(root, id);
      root.systemStarted();
      return root;
    });
  }

  /** The containers of a successful deployment, by id, and how to undeploy them. */
  public static final class ContainerDeployment {
    private final Vertx vertx;
    private final Map<String, String> deploymentIds = new LinkedHashMap<>();
    private final List<Container> roots = new ArrayList<>();

    ContainerDeployment(Vertx vertx) {
      this.vertx = vertx;
    }

    synchronized void add(Container root, String deploymentId) {
      roots.add(root);
      deploymentIds.put(root.id(), deploymentId);
    }

    /** The top-level containers, in deployment order. */
    public synchronized List<Container> roots() {
      return List.copyOf(roots);
    }

    /** Every container of the deployment (depth first), by id. */
    public synchronized Map<String, Container> containers() {
      Map<String, Container> all = new LinkedHashMap<>();
      for (Container root : roots) {
        collect(root, all);
      }
      return all;
    }

    private static void collect(Container c, Map<String, Container> into) {
      into.put(c.id(), c);
      for (Container child : c.children()) {
        collect(child, into);
      }
    }

    /** The container with this id, or null. */
    public Container container(String id) {
      return containers().get(id);
    }

    /**
     * Undeploys one top-level container (its children go with it) and removes it from this
     * deployment.
     *
     * @throws IllegalArgumentException (as a failed Future) when no top-level container has this id
     */
    public Future<Void> undeployRoot(String id) {
      String deploymentId;
      synchronized (this) {
        deploymentId = deploymentIds.remove(id);
        if (deploymentId == null) {
          return Future.failedFuture(new IllegalArgumentException("no top-level container '" + id + "'"));
        }
        roots.removeIf(r -> r.id().equals(id));
      }
      return vertx.undeploy(deploymentId);
    }

    /** Undeploys the top-level containers in reverse order (their children go with them). */
    public Future<Void> undeploy() {
      List<Map.Entry<String, String>> entries;
      synchronized (this) {
        entries = new ArrayList<>(deploymentIds.entrySet());
        deploymentIds.clear();
      }
      Future<Void> chain = Future.succeededFuture();
      for (int i = entries.size() - 1; i >= 0; i--) {
        Map.Entry<String, String> e = entries.get(i);
        chain = chain.compose(v -> vertx.undeploy(e.getValue())
            .recover(err -> {
              log.warn("undeploying container {} failed: {}", e.getKey(), err.toString());
              return Future.succeededFuture();
            }));
      }
      return chain;
    }
  }
}
