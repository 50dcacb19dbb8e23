package dev.tierbus.loadtest;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Tick;
import dev.tierbus.metrics.TierMetricsSnapshot;
import dev.tierbus.router.FastTierOptions;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.SourcePublisher;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.SubscriptionHandle;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Fast tier, in-JVM: one {@link SourcePublisher} on its own event loop publishes TICK events
 * (made in the loop: {@code Event.of} + {@code Tick}) in chunks of {@value #CHUNK} per
 * event-loop turn, yielding the loop in between as a feed handler does, to {@code subscribers}
 * subscribers, each on its own event loop.
 *
 * <p>Two ways to offer load:
 * <ul>
 *   <li>{@code ratePerSec == 0}, the highest sustainable rate: before each chunk the publisher
 *       checks how far the slowest subscriber is behind and skips the turn while that is more
 *       than {@value #WINDOW} events. The fast tier itself never slows a publisher (it drops
 *       for a slow subscriber); this window only keeps the benchmark below the drop point so
 *       that events/s counts events that were all delivered.</li>
 *   <li>{@code ratePerSec > 0}: a token bucket on a 1 ms timer, as market data arrives.</li>
 * </ul>
 *
 * <p>events/s = events published / (time from the first publish to the last delivery);
 * deliveries/s = handler calls / the same time. Latency is the router's own fast-tier figure
 * ({@code router.metrics().fast().latency()}): from the first event entering a batch to the
 * start of that batch's handling, counted once per event. Batches a subscriber missed are
 * reported as {@code dropped}. The router runs with default options, except that
 * {@code -Dfast.age=MS} sets the maximum batch age.
 */
final class FastTierCase implements LoadCase {

  static final int CHUNK = 10_000;
  static final int WINDOW = 20_000;
  private static final String SOURCE = "feed";

  private final String name;
  private final int subscribers;
  private final long ratePerSec;

  FastTierCase(String name, int subscribers, long ratePerSec) {
    this.name = name;
    this.subscribers = subscribers;
    this.ratePerSec = ratePerSec;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return "fast tier: 1 SourcePublisher -> " + subscribers + " subscriber(s), TICK, batches of "
        + FastTierOptions.DEFAULT_BATCH_SIZE + " events / " + FastTierOptions.DEFAULT_MAX_BATCH_AGE_MS + " ms, "
        + (ratePerSec == 0 ? "highest sustainable rate" : "paced at " + ratePerSec + " events/s");
  }

  @Override
  public CaseResult run(Budget budget) throws Exception {
    // one event loop per actor, so publisher and subscribers never share a thread
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(subscribers + 1));
    try {
      phase(vertx, budget.warmupMillis());
      Phase p = phase(vertx, budget.measureMillis());
      return p.result(name, subscribers, ratePerSec);
    } finally {
      Await.result(vertx.close());
    }
  }

  private Phase phase(Vertx vertx, long millis) throws Exception {
    RouterOptions options = new RouterOptions();
    options.getFast().setMaxBatchAgeMs(Long.getLong("fast.age", FastTierOptions.DEFAULT_MAX_BATCH_AGE_MS));
    TieredEventRouter router = TieredEventRouter.create(vertx, options);
    List<Subscriber> subs = new ArrayList<>();
    for (int i = 0; i < subscribers; i++) {
      Subscriber s = new Subscriber(router, "sub-" + i);
      Await.result(vertx.deployVerticle(s));
      subs.add(s);
    }
    Feed feed = new Feed(router, ratePerSec, () -> slowest(subs));
    Await.result(vertx.deployVerticle(feed));

    AllocationMeter alloc = AllocationMeter.start();
    long t0 = System.nanoTime();
    long sent = Await.result(feed.publishFor(millis));
    long expected = sent * subscribers;
    long t1 = Await.until(() -> handled(subs) >= expected, 20_000, "fast-tier deliveries");
    Phase p = new Phase();
    p.seconds = (t1 - t0) / 1e9;
    p.allocated = alloc.allocatedBytes();
    p.gcCount = alloc.gcCountSince();
    p.gcMillis = alloc.gcMillisSince();
    p.sent = sent;
    p.metrics = router.metrics().fast();
    for (Subscriber s : subs) {
      p.delivered += s.handle.delivered();
      p.dropped += s.handle.dropped();
      Await.result(s.handle.unsubscribe());
    }
    p.waits = feed.waits;
    p.threads = feed.thread + " -> " + subs.stream().map(s -> s.thread).toList();
    Await.result(router.close());
    for (Subscriber s : subs) {
      Await.result(vertx.undeploy(s.deploymentID()));
    }
    Await.result(vertx.undeploy(feed.deploymentID()));
    return p;
  }

  /** Events the slowest subscriber has handled or missed. */
  private static long slowest(List<Subscriber> subs) {
    long min = Long.MAX_VALUE;
    for (Subscriber s : subs) {
      min = Math.min(min, s.handle.delivered() + s.handle.dropped());
    }
    return min;
  }

  private static long handled(List<Subscriber> subs) {
    long n = 0;
    for (Subscriber s : subs) {
      n += s.handle.delivered() + s.handle.dropped();
    }
    return n;
  }

  private static final class Phase {
    double seconds;
    long allocated;
    long gcCount;
    long gcMillis;
    long sent;
    long delivered;
    long dropped;
    long waits;
    String threads;
    TierMetricsSnapshot metrics;

    CaseResult result(String name, int subscribers, long rate) {
      Latencies lat = Latencies.of(metrics.latency());
      JsonObject extra = new JsonObject()
          .put("published", sent)
          .put("delivered", delivered)
          .put("dropped", dropped)
          .put("subscribers", subscribers)
          .put("offered_rate", rate == 0 ? "highest sustainable (window " + WINDOW + " events)" : Long.toString(rate))
          .put("publisher_waits", waits)
          .put("deliveries_per_sec", Math.round(delivered / seconds))
          .put("latency_max_us", lat.maxUs())
          .put("latency_source", "router.metrics().fast().latency(): batch age at handling, per event")
          .put("duration_s", CaseResult.round3(seconds))
          .put("gc_count", gcCount)
          .put("gc_ms", gcMillis)
          .put("alloc_basis", "all threads / events published (includes creating the Event and Tick)")
          .put("alloc_event_creation_bytes", CaseResult.round1(AllocationMeter.perEvent(MarketData::tick)))
          .put("threads", threads);
      return new CaseResult(name, sent / seconds, lat.p50Us(), lat.p99Us(), lat.p999Us(),
          (double) allocated / sent, extra);
    }
  }

  /** The publishing source: a SourcePublisher on this verticle's event loop. */
  private static final class Feed extends VerticleBase {
    private final TieredEventRouter router;
    private final double ratePerNano;
    private final LongSupplier slowest;
    private final Handler<Void> nextTurn = v -> turn();
    private final Handler<Long> nextTick = id -> turn();
    private SourcePublisher publisher;
    private long start;
    private long deadline;
    private long sent;
    private Promise<Long> done;
    long waits;
    volatile String thread;

    Feed(TieredEventRouter router, long ratePerSec, LongSupplier slowest) {
      this.router = router;
      this.ratePerNano = ratePerSec / 1e9;
      this.slowest = slowest;
    }

    @Override
    public Future<?> start() {
      publisher = router.publisher(SOURCE);
      thread = Thread.currentThread().getName();
      return Future.succeededFuture();
    }

    /** Publishes for {@code millis}; completes with the number of events published. */
    Future<Long> publishFor(long millis) {
      Promise<Long> promise = Promise.promise();
      context.runOnContext(v -> {
        done = promise;
        sent = 0;
        waits = 0;
        start = System.nanoTime();
        deadline = start + millis * 1_000_000L;
        turn();
      });
      return promise.future();
    }

    private void turn() {
      long now = System.nanoTime();
      if (now >= deadline) {
        publisher.flush();
        done.complete(sent);
        return;
      }
      long n;
      if (ratePerNano == 0) {
        if (sent - slowest.getAsLong() > WINDOW) {
          waits++;
          context.runOnContext(nextTurn);
          return;
        }
        n = CHUNK;
      } else {
        n = Math.min(CHUNK, (long) ((now - start) * ratePerNano) - sent);
      }
      SourcePublisher p = publisher;
      long i = sent;
      for (long end = i + n; i < end; i++) {
        p.publish(MarketData.tick(SOURCE, i));
      }
      sent = i;
      if (n == CHUNK) {
        context.runOnContext(nextTurn);
      } else {
        vertx.setTimer(1, nextTick); // paced and caught up: wait for the next tokens
      }
    }
  }

  /** A subscriber on its own event loop that reads each tick's price. */
  private static final class Subscriber extends VerticleBase {
    private final TieredEventRouter router;
    private final String id;
    volatile SubscriptionHandle handle;
    volatile String thread;
    private double checksum;

    Subscriber(TieredEventRouter router, String id) {
      this.router = router;
      this.id = id;
    }

    @Override
    public Future<?> start() {
      thread = Thread.currentThread().getName();
      return router.subscribe(Subscription.of(id, SOURCE, EventType.TICK), this::onEvent)
          .onSuccess(h -> handle = h);
    }

    private void onEvent(Event event) {
      checksum += ((Tick) event.payload()).price();
    }
  }
}
