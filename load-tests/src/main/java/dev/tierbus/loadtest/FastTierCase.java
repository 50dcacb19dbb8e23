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
record FastTierCase(String name, int subscribers, long ratePerSec) implements LoadCase {

  static final int CHUNK = 10_000;
  static final int WINDOW = 20_000;
  private static final String SOURCE = "feed";

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

    Measurement m = Measurement.start();
    long sent = Await.result(feed.publishFor(millis));
    long expected = sent * subscribers;
    m.stopAt(Await.until(() -> handled(subs) >= expected, 20_000, "fast-tier deliveries"));
    TierMetricsSnapshot metrics = router.metrics().fast();
    long delivered = 0;
    long dropped = 0;
    for (Subscriber s : subs) {
      delivered += s.handle.delivered();
      dropped += s.handle.dropped();
      Await.result(s.handle.unsubscribe());
    }
    String threads = feed.thread + " -> " + subs.stream().map(s -> s.thread).toList();
    Phase p = new Phase(m, sent, delivered, dropped, feed.waits, threads, metrics);
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

  private record Phase(Measurement m, long sent, long delivered, long dropped, long waits, String threads,
      TierMetricsSnapshot metrics) {

    CaseResult result(String name, int subscribers, long rate) {
      Latencies lat = Latencies.of(metrics.latency());
      JsonObject extra = new JsonObject()
          .put("published", sent)
          .put("delivered", delivered)
          .put("dropped", dropped)
          .put("subscribers", subscribers)
          .put("offered_rate", rate == 0 ? "highest sustainable (window " + WINDOW + " events)" : Long.toString(rate))
          .put("publisher_waits", waits)
          .put("deliveries_per_sec", Math.round(delivered / m.seconds()));
      m.report(extra, lat, "router.metrics().fast().latency(): batch age at handling, per event",
              "all threads / events published (includes creating the Event and Tick)")
          .put("alloc_event_creation_bytes", CaseResult.round1(AllocationMeter.perEvent(MarketData::tick)))
          .put("threads", threads);
      return m.result(name, sent, lat, sent, extra);
    }
  }

  /** The publishing source; a phase completes with the number of events published. */
  private static final class Feed extends PublisherVerticle<Long> {
    private final LongSupplier slowest;
    private final Handler<Void> nextTurn = v -> turn();
    private final Handler<Long> nextTick = id -> turn();
    private long sent;
    long waits;

    Feed(TieredEventRouter router, long ratePerSec, LongSupplier slowest) {
      super(router, SOURCE, ratePerSec);
      this.slowest = slowest;
    }

    @Override
    void turn() {
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
        n = due(now, sent, CHUNK);
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
