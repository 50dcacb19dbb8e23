package dev.tierbus.loadtest;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.IndicatorValue;
import dev.tierbus.metrics.TierMetricsSnapshot;
import dev.tierbus.router.Filter;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.SourcePublisher;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.SubscriptionHandle;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Standard tier with filters: {@code publishers} indicator containers (each a SourcePublisher
 * on its own event loop) publish INDICATOR events over 4 symbols, alternating RSI and MACD;
 * 4 subscribers each want one symbol and RSI only, so every RSI event matches exactly one
 * subscriber and every MACD event is filtered out. Handlers run on the router's standard worker
 * pool (the subscribers subscribe from outside any Vert.x context).
 *
 * <p>Offered load: {@code ratePerSec} events/s in total, paced by a token bucket on each
 * publisher's event loop (1 ms timer, at most {@value #CHUNK} events per turn); 0 means as fast
 * as the tier accepts. A publish that meets a full queue ({@code BackPressureException}) is
 * counted as rejected, the publisher backs off 1 ms and then re-publishes that event (safe here
 * because it matched only the one full subscriber).
 *
 * <p>events/s = handler calls (deliveries) per second, from the first publish to the last
 * delivery; published/s is reported beside it. Latency is the router's standard-tier figure:
 * enqueue to handler start.
 */
record StandardTierCase(String name, int publishers, long ratePerSec) implements LoadCase {

  static final int CHUNK = 1_000;
  static final int SUBSCRIBERS = 4;

  @Override
  public String description() {
    return "standard tier: " + publishers + " publishers -> " + SUBSCRIBERS
        + " filtered subscribers (symbol + RSI) on the worker pool, offered "
        + (ratePerSec == 0 ? "as fast as accepted" : ratePerSec + " events/s");
  }

  @Override
  public CaseResult run(Budget budget) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      phase(vertx, budget.warmupMillis());
      return phase(vertx, budget.measureMillis()).result(name, ratePerSec, publishers);
    } finally {
      Await.result(vertx.close());
    }
  }

  private Phase phase(Vertx vertx, long millis) throws Exception {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    List<SubscriptionHandle> handles = new ArrayList<>();
    double[] checksums = new double[SUBSCRIBERS];
    for (int i = 0; i < SUBSCRIBERS; i++) {
      int k = i;
      Subscription s = new Subscription("strategy-" + i, null, Set.of(EventType.INDICATOR),
          Filter.symbols(MarketData.SYMBOLS[i]).withIndicatorTypes("RSI"), null);
      handles.add(Await.result(router.subscribe(s,
          e -> checksums[k] += ((IndicatorValue) e.payload()).value("value"))));
    }
    List<Feed> feeds = new ArrayList<>();
    for (int i = 0; i < publishers; i++) {
      Feed f = new Feed(router, "indicators-" + i, ratePerSec / (double) publishers);
      Await.result(vertx.deployVerticle(f));
      feeds.add(f);
    }

    Measurement m = Measurement.start();
    List<Future<Feed>> done = new ArrayList<>();
    for (Feed f : feeds) {
      done.add(f.publishFor(millis));
    }
    Await.result(Future.all(done));
    long expected = feeds.stream().mapToLong(f -> f.expected).sum();
    m.stopAt(Await.until(() -> delivered(handles) >= expected, 20_000, "standard-tier deliveries"));

    TierMetricsSnapshot metrics = router.metrics().standard();
    long delivered = delivered(handles);
    long accepted = 0;
    long rejected = 0;
    for (Feed f : feeds) {
      accepted += f.accepted;
      rejected += f.rejected;
    }
    Phase p = new Phase(m, accepted, rejected, delivered, metrics);
    for (SubscriptionHandle h : handles) {
      Await.result(h.unsubscribe());
    }
    Await.result(router.close());
    for (Feed f : feeds) {
      Await.result(vertx.undeploy(f.deploymentID()));
    }
    return p;
  }

  private static long delivered(List<SubscriptionHandle> handles) {
    long n = 0;
    for (SubscriptionHandle h : handles) {
      n += h.delivered();
    }
    return n;
  }

  private record Phase(Measurement m, long accepted, long rejected, long delivered, TierMetricsSnapshot metrics) {

    CaseResult result(String name, long rate, int publishers) {
      Latencies lat = Latencies.of(metrics.latency());
      JsonObject extra = new JsonObject()
          .put("published", accepted)
          .put("published_per_sec", Math.round(accepted / m.seconds()))
          .put("delivered", delivered)
          .put("rejected", rejected)
          .put("router_rejected", metrics.rejected())
          .put("dropped", 0)
          .put("offered_rate", rate == 0 ? "unpaced" : Long.toString(rate))
          .put("publishers", publishers)
          .put("subscribers", SUBSCRIBERS)
          .put("events_per_sec_counts", "deliveries (each RSI event matches 1 subscriber, MACD events match none)");
      m.report(extra, lat, "router.metrics().standard().latency(): enqueue to handler start",
              "all threads / events published (includes creating the Event and IndicatorValue)")
          .put("alloc_event_creation_bytes", CaseResult.round1(AllocationMeter.perEvent(MarketData::indicator)));
      return m.result(name, delivered, lat, accepted, extra);
    }
  }

  /** One indicator container: paced publishing with back-off on back-pressure. */
  private static final class Feed extends PublisherVerticle<Feed> {
    private long seq;
    private Event pending;
    private boolean pendingRsi;
    // read by the harness after done completes
    long accepted;
    long expected;
    long rejected;

    Feed(TieredEventRouter router, String source, double ratePerSec) {
      super(router, source, ratePerSec);
    }

    @Override
    void turn() {
      long now = System.nanoTime();
      if (now >= deadline) {
        done.complete(this);
        return;
      }
      long budget = ratePerNano == 0 ? CHUNK : due(now, accepted, CHUNK);
      if (budget <= 0) {
        vertx.setTimer(1, id -> turn());
        return;
      }
      for (long k = 0; k < budget; k++) {
        Event e;
        boolean rsi;
        if (pending != null) {
          e = pending;
          rsi = pendingRsi;
        } else {
          e = MarketData.indicator(source, seq);
          rsi = MarketData.isRsi(seq);
          seq++;
        }
        if (publisher.publish(e).failed()) {
          rejected++;
          pending = e;
          pendingRsi = rsi;
          vertx.setTimer(1, id -> turn());
          return;
        }
        pending = null;
        accepted++;
        if (rsi) {
          expected++;
        }
      }
      if (budget == CHUNK) {
        context.runOnContext(v -> turn()); // behind (or unpaced): go on after yielding the loop
      } else {
        vertx.setTimer(1, id -> turn()); // caught up: sleep until more tokens accrue
      }
    }
  }
}
