package dev.tierbus.loadtest;

import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerDeployer;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.container.Threading;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.Scope;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One internal-bus hop between two containers: container A (the parent) publishes a SIGNAL to
 * its child B with {@code publishInternal(event, Scope.CHILDREN)}; B records {@code nanoTime()
 * - event.timeNanos()} (A put its {@code nanoTime()} there just before publishing).
 *
 * <p>Paced, not saturated: A sends at most one event every {@code 1e9 / hopsPerSec} ns; a send
 * that is late (the kernel's timer slack of ~50 µs makes most of them late at 25 k/s, so the
 * achieved rate, reported as hops/s, is lower) moves the schedule on instead of bursting to
 * catch up, so what is measured is the hop, not a queue. Both containers use the same
 * {@link Threading}: on {@code EVENT_LOOP} B's event loop is woken by each message, on
 * {@code WORKER} the message is handed to a worker thread of the containers' pool.
 */
record InternalHopCase(String name, Threading threading, long hopsPerSec) implements LoadCase {

  @Override
  public String description() {
    return "internal bus: container A -> child B (publishInternal CHILDREN), " + threading.configName()
        + " threading, paced at " + hopsPerSec + " hops/s";
  }

  @Override
  public CaseResult run(Budget budget) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
      ContainerRegistry registry = ContainerRegistry.empty()
          .register("hop-sender", spec -> new Sender())
          .register("hop-receiver", spec -> new Receiver());
      ContainerSpec tree = ContainerSpec.of("hop-a", "hop-sender").withThreading(threading)
          .withChildren(List.of(ContainerSpec.of("hop-b", "hop-receiver").withThreading(threading)));
      ContainerDeployer.ContainerDeployment deployment =
          Await.result(new ContainerDeployer(vertx, router, registry).deploy(List.of(tree)));
      Sender a = (Sender) deployment.container("hop-a");
      Receiver b = (Receiver) deployment.container("hop-b");

      long warm = Await.result(a.sendFor(budget.warmupMillis(), hopsPerSec));
      Await.until(() -> b.received >= warm, 10_000, "warm-up hops");
      b.recorder.reset();
      long before = b.received;

      Measurement m = Measurement.start();
      long sent = Await.result(a.sendFor(budget.measureMillis(), hopsPerSec));
      m.stopAt(Await.until(() -> b.received - before >= sent, 10_000, "hops"));
      Histogram h = b.recorder.getIntervalHistogram();
      Latencies lat = Latencies.ofNanos(h);
      JsonObject extra = new JsonObject()
          .put("hops", sent)
          .put("recorded", h.getTotalCount())
          .put("target_hops_per_sec", hopsPerSec)
          .put("threading", threading.configName());
      m.report(extra, lat, "harness HdrHistogram: receiver nanoTime - sender nanoTime",
              "all threads / hops (includes creating the Event)")
          .put("threads", a.thread + " -> " + b.thread);
      Await.result(deployment.undeploy());
      Await.result(router.close());
      return m.result(name, sent, lat, sent, extra);
    } finally {
      Await.result(vertx.close());
    }
  }

  /**
   * Container A: publishes one event to its children each time its pacer says so. The pacer is
   * a plain thread that sleeps ({@code parkNanos}) until the next send time and then hands the
   * send to A's context, so neither A nor the pacer holds a core while waiting: on 2 cores a
   * spinning sender starves the receiver and the figure becomes a scheduling artefact.
   */
  static final class Sender extends Container {
    private final Handler<Void> sendOne =
        v -> publishInternal(Event.of(EventType.SIGNAL, id(), "AAPL", System.nanoTime(), null), Scope.CHILDREN);
    volatile String thread;

    /** Sends at up to {@code ratePerSec} for {@code millis}; completes with the number sent. */
    Future<Long> sendFor(long millis, long ratePerSec) {
      Promise<Long> done = Promise.promise();
      context.runOnContext(v -> thread = Thread.currentThread().getName());
      Thread pacer = new Thread(() -> pace(millis, 1_000_000_000L / ratePerSec, done), "hop-pacer");
      pacer.setDaemon(true);
      pacer.start();
      return done.future();
    }

    private void pace(long millis, long period, Promise<Long> done) {
      long next = System.nanoTime();
      long deadline = next + millis * 1_000_000L;
      long sent = 0;
      while (true) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        long now = System.nanoTime();
        if (now >= deadline) {
          break;
        }
        context.runOnContext(sendOne);
        sent++;
        next = Math.max(next + period, now); // late (timer slack, preemption): no catch-up burst
      }
      long total = sent;
      context.runOnContext(v -> done.complete(total)); // after every send queued before it
    }
  }

  /** Container B: records the hop latency of every internal event. */
  static final class Receiver extends Container {
    final Recorder recorder = new Recorder(3_600_000_000_000L, 3);
    volatile long received;
    volatile String thread;

    @Override
    protected void onInternalEvent(Event event) {
      recorder.recordValue(Math.max(0, System.nanoTime() - event.timeNanos()));
      thread = Thread.currentThread().getName();
      received++;
    }
  }
}
