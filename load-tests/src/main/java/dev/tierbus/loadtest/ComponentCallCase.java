package dev.tierbus.loadtest;

import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerDeployer;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.container.Emitter;
import dev.tierbus.container.Threading;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Component to component inside one container: component "driver" hands an event to component
 * "sink" with {@link Emitter#emit} (a direct call through the container's dispatch).
 *
 * <p>Two loops on the container's event loop, each in turns of {@value #TURN} calls that yield
 * the loop in between: a timed one (driver takes {@code nanoTime()} before {@code emit}, sink
 * after, into a histogram; the figures include one {@code nanoTime()} call, whose own cost is
 * reported as {@code timer_overhead_ns}) for the latency percentiles, and an untimed one for
 * calls/s. The emitted event is made once: the hop, not event creation, is measured.
 */
final class ComponentCallCase implements LoadCase {

  static final int TURN = 100_000;

  @Override
  public String name() {
    return "internal.component";
  }

  @Override
  public String description() {
    return "component -> component in one container via Emitter.emit (direct call), event-loop container";
  }

  @Override
  public CaseResult run(Budget budget) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
      ContainerRegistry registry = ContainerRegistry.empty().register("pipeline", spec -> new Pipeline());
      ContainerSpec spec = ContainerSpec.of("pipeline", "pipeline").withThreading(Threading.EVENT_LOOP);
      ContainerDeployer.ContainerDeployment deployment =
          Await.result(new ContainerDeployer(vertx, router, registry).deploy(List.of(spec)));
      Pipeline c = (Pipeline) deployment.container("pipeline");

      Await.result(c.loop(budget.warmupMillis() / 2, true));
      Await.result(c.loop(budget.warmupMillis() / 2, false));

      Histogram timed = Await.result(c.loop(budget.measureMillis() / 2, true));
      Measurement m = Measurement.start();
      Await.result(c.loop(budget.measureMillis() / 2, false));
      m.stop();
      long calls = c.calls;
      double overheadNs = timerOverheadNanos();

      Latencies lat = Latencies.ofNanos(timed);
      JsonObject extra = new JsonObject()
          .put("calls", calls)
          .put("timed_calls", timed.getTotalCount())
          .put("timer_overhead_ns", CaseResult.round1(overheadNs))
          .put("ns_per_call", CaseResult.round1(m.seconds() * 1e9 / calls));
      m.report(extra, lat, "harness HdrHistogram: nanoTime before emit -> nanoTime in the receiving component",
          "all threads / calls of the untimed loop (event made once)");
      Await.result(deployment.undeploy());
      Await.result(router.close());
      return m.result(name(), calls, lat, calls, extra);
    } finally {
      Await.result(vertx.close());
    }
  }

  /** Median of back-to-back {@code nanoTime()} differences. */
  private static double timerOverheadNanos() {
    Histogram h = new Histogram(1_000_000_000L, 3);
    for (int i = 0; i < 1_000_000; i++) {
      long a = System.nanoTime();
      h.recordValue(System.nanoTime() - a);
    }
    return h.getValueAtPercentile(50);
  }

  /** The container: a driver component and a sink component. */
  static final class Pipeline extends Container {
    private final Event trigger = Event.of(EventType.SYSTEM, "harness", null, 0, null);
    private Event payload;
    private Emitter driverOut;
    private Histogram histogram;
    private boolean timedLoop;
    private long sentAt;
    private long deadline;
    private Promise<Histogram> done;
    long calls;

    @Override
    protected Future<?> setUp() {
      payload = event(EventType.SIGNAL, "AAPL", MarketData.EPOCH_NANOS, null);
      addComponent("driver", (event, out) -> {
        if (event == trigger) {
          driverOut = out;
          turn();
        }
      });
      addComponent("sink", (event, out) -> {
        if (event != trigger) {
          if (timedLoop) {
            histogram.recordValue(System.nanoTime() - sentAt);
          }
          calls++;
        }
      });
      return Future.succeededFuture();
    }

    /** Runs one loop for {@code millis}; completes with its histogram (empty when untimed). */
    Future<Histogram> loop(long millis, boolean timed) {
      Promise<Histogram> promise = Promise.promise();
      context.runOnContext(v -> {
        done = promise;
        timedLoop = timed;
        histogram = new Histogram(1_000_000_000L, 3);
        calls = 0;
        deadline = System.nanoTime() + millis * 1_000_000L;
        onInternalEvent(trigger); // dispatches to the driver, which starts the first turn
      });
      return promise.future();
    }

    private void turn() {
      Emitter out = driverOut;
      Event e = payload;
      if (timedLoop) {
        for (int i = 0; i < TURN; i++) {
          sentAt = System.nanoTime();
          out.emit(e);
        }
      } else {
        for (int i = 0; i < TURN; i++) {
          out.emit(e);
        }
      }
      if (System.nanoTime() < deadline) {
        context.runOnContext(v -> turn());
      } else {
        done.complete(histogram);
      }
    }
  }
}
