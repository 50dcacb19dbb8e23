package dev.tierbus.cli;

import dev.tierbus.api.ApiServer;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.journal.EmbeddedJournal;
import dev.tierbus.journal.JournalOptions;
import dev.tierbus.metrics.PrometheusMetrics;
import dev.tierbus.topology.Topology;
import dev.tierbus.topology.TopologyException;
import dev.tierbus.topology.TopologyLoader;
import dev.tierbus.topology.TopologyRuntime;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code run}: loads and checks the topology, starts an embedded PostgreSQL for the journal when
 * the topology (or {@code PG*}) names no server, deploys it on a new Vert.x (recording its
 * metrics for Prometheus), starts the HTTP server ({@link HttpStartup}: its port is bound before
 * the journal starts and anything deploys, so a taken port stops the node first) and waits until
 * {@link #shutdown()} — called by the JVM shutdown hook on SIGTERM/SIGINT — has undeployed
 * the containers, closed the router and closed Vert.x (bounded by {@link #SHUTDOWN_TIMEOUT}).
 */
@Command(name = "run",
    description = {"Load the topology, deploy every container on this node, serve the HTTP API, WebSocket stream"
        + " and dashboard, and run until stopped (SIGTERM or Ctrl-C stops it cleanly)."},
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        "0:stopped",
        "1:deployment failed, or the HTTP port is taken (nothing deployed)",
        "2:a bad topology file",
        "143:stopped by SIGTERM"})
final class RunCommand implements Callable<Integer> {

  static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);
  static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(15);

  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  @ParentCommand
  private TierbusCommand tierbus;

  @Option(names = "--http-port", paramLabel = "PORT", converter = PortArgument.class,
      description = {"Serve the HTTP API, WebSocket stream and dashboard on this port instead of the topology's"
          + " http.port (default 8080); 0 picks a free port."})
  private Integer httpPort;

  private final ContainerRegistry registry;
  private final PrintStream err;
  private final boolean installShutdownHook;
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Vertx vertx;
  private volatile TopologyRuntime runtime;
  private volatile EmbeddedJournal embedded;
  private volatile ApiServer http;
  private HttpStartup.Reservation reservation;
  private Thread hook;
  private boolean stopping;

  RunCommand(ContainerRegistry registry, PrintStream err, boolean installShutdownHook) {
    this.registry = registry;
    this.err = err;
    this.installShutdownHook = installShutdownHook;
  }

  RunCommand(CommandContext context) {
    this(context.registry(), context.err(), context.ownsProcess());
  }

  /** The HTTP server's port instead of the topology's ({@code --http-port}); null: the topology's. */
  RunCommand httpPort(Integer port) {
    this.httpPort = port;
    return this;
  }

  /** {@code --http-port}, or null: the topology's. */
  Integer httpPort() {
    return httpPort;
  }

  @Override
  public Integer call() {
    return run(tierbus.topology());
  }

  /** Runs until shut down: 0 after a shutdown, 1 when deploying failed, 2 for a bad topology. */
  int run(String file) {
    vertx = PrometheusMetrics.createVertx(new VertxOptions());
    if (installShutdownHook) {
      hook = new Thread(this::shutdown, "tierbus-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
    }
    Topology topology;
    try {
      topology = Await.result(TopologyLoader.load(vertx, file, registry), STARTUP_TIMEOUT);
    } catch (TopologyException e) {
      ValidateCommand.printProblems(e, err);
      return abort(TierbusCli.EXIT_USAGE);
    } catch (Exception e) {
      err.println("error: cannot load " + file + ": " + e);
      return abort(TierbusCli.EXIT_FAILURE);
    }
    ValidateCommand.printWarnings(topology, err);
    // the HTTP port first: a port that is taken stops the node before anything deploys or trades
    HttpStartup.Reservation port;
    try {
      port = Await.result(HttpStartup.reserve(vertx, topology.http(), httpPort), STARTUP_TIMEOUT);
    } catch (Exception e) {
      err.println("the HTTP server cannot start: " + ErrorText.describe(e) + "; nothing was deployed");
      return abort(TierbusCli.EXIT_FAILURE);
    }
    reservation = port;
    JournalOptions journal;
    try {
      journal = journal(topology);
    } catch (Exception e) {
      err.println("error: cannot start the journal: " + ErrorText.describe(e));
      return abort(TierbusCli.EXIT_FAILURE);
    }
    try {
      runtime = Await.result(TopologyRuntime.deploy(vertx, topology, registry, journal), STARTUP_TIMEOUT);
    } catch (Exception e) {
      err.println("deployment failed: " + ErrorText.describe(e));
      return abort(TierbusCli.EXIT_FAILURE);
    }
    try {
      http = Await.result(HttpStartup.serve(vertx, runtime, port, err), STARTUP_TIMEOUT);
    } catch (Exception e) {
      err.println("the HTTP server did not start: " + ErrorText.describe(e));
      Future<Void> stopped = runtime.stop();
      try {
        Await.result(stopped, SHUTDOWN_TIMEOUT);
      } catch (Exception ignored) {
        // exiting anyway
      }
      return abort(TierbusCli.EXIT_FAILURE);
    }
    log.info("tierbus running: {} containers ({} top-level) from {}",
        runtime.containers().size(), topology.containers().size(), file);
    started.countDown();
    awaitUninterruptibly(finished);
    removeHook();
    return TierbusCli.EXIT_OK;
  }

  /**
   * The journal of the topology; when it names no PostgreSQL server, an embedded one is
   * started in its {@code data_dir} and used.
   */
  private JournalOptions journal(Topology topology) throws Exception {
    JournalOptions journal = TopologyRuntime.journalOf(topology);
    if (journal.isConfigured()) {
      log.info("reliable tier journal: {}", journal.describe());
      return journal;
    }
    log.info("no journal server configured (journal.url / journal.host / PGHOST): starting an embedded PostgreSQL"
        + " in {}", journal.getDataDir());
    embedded = Await.result(EmbeddedJournal.start(vertx, journal), STARTUP_TIMEOUT);
    return embedded.connectOptions(journal);
  }

  /** The embedded journal server, when {@code run} started one. */
  EmbeddedJournal embeddedJournal() {
    return embedded;
  }

  /**
   * Stops the runtime, then closes Vert.x, waiting at most {@link #SHUTDOWN_TIMEOUT} for both;
   * {@link #run} then returns. Safe to call more than once and from any thread but a Vert.x one.
   */
  void shutdown() {
    synchronized (this) {
      if (stopping) {
        awaitUninterruptibly(finished);
        return;
      }
      stopping = true;
    }
    Vertx v = vertx;
    TopologyRuntime r = runtime;
    if (v != null) {
      log.info("tierbus stopping");
      ApiServer h = http;
      Future<Void> httpClosed = h == null ? Future.succeededFuture() : h.close();
      EmbeddedJournal server = embedded;
      Future<Void> stop = httpClosed
          .transform(ar -> r == null ? Future.succeededFuture() : r.stop())
          .eventually(() -> server == null ? Future.succeededFuture() : server.stop());
      long deadline = System.nanoTime() + SHUTDOWN_TIMEOUT.toNanos();
      try {
        Await.result(stop, SHUTDOWN_TIMEOUT);
        // Vert.x is closed from this thread: a close chained onto a Future of one of its own
        // event loops may never report back (that loop is gone by then)
        Await.result(v.close(), Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        log.info("tierbus stopped");
      } catch (TimeoutException e) {
        err.println("shutdown did not finish within " + SHUTDOWN_TIMEOUT.toSeconds() + " s; exiting anyway");
      } catch (Exception e) {
        err.println("shutdown failed: " + e);
      }
    }
    finished.countDown();
  }

  /** Waits until the topology is deployed; false on timeout. */
  boolean awaitStarted(Duration timeout) throws InterruptedException {
    return started.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  TopologyRuntime runtime() {
    return runtime;
  }

  /** The HTTP server, or null when the topology disables it. */
  ApiServer http() {
    return http;
  }

  private int abort(int code) {
    removeHook();
    try {
      if (reservation != null) {
        Await.result(reservation.release(), SHUTDOWN_TIMEOUT);
      }
      if (embedded != null) {
        Await.result(embedded.stop(), SHUTDOWN_TIMEOUT);
      }
      Await.result(vertx.close(), SHUTDOWN_TIMEOUT);
    } catch (Exception ignored) {
      // exiting anyway
    }
    finished.countDown();
    return code;
  }

  private void removeHook() {
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it finishes the stop
      }
    }
  }



  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
