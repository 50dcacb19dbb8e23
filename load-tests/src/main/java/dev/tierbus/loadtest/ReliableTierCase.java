package dev.tierbus.loadtest;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Order;
import dev.tierbus.event.Side;
import dev.tierbus.journal.JournalOptions;
import dev.tierbus.journal.ReliableTier;
import dev.tierbus.journal.ReliableTiers;
import dev.tierbus.metrics.TierMetricsSnapshot;
import dev.tierbus.router.ReliableTierOptions;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.SubscriptionHandle;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Reliable tier, journalled in a real PostgreSQL (127.0.0.1:5432, database {@code test}, fsync
 * and synchronous_commit as the server has them — on by default) and confirmed by
 * {@code subscribers} subscribers: one publisher container (an event loop) publishes ORDER
 * events over {@value #SYMBOLS} symbols; each subscriber's handler counts them.
 *
 * <p>Offered load: {@code ratePerSec} events/s (token bucket, 1 ms timer), or with 0 as fast
 * as the journal takes them with at most {@value #WINDOW} publishes unacknowledged (a publisher
 * that waits for its acknowledgements, as an order router does). events/s = events journalled
 * and confirmed by every subscriber per second, first publish to last confirmation. Latency is
 * the tier's own figure: publish call to the subscriber's confirmation arriving back at the
 * tier, per delivery; the journal write latency (publish to commit) is reported beside it.
 */
record ReliableTierCase(String name, int subscribers, long ratePerSec) implements LoadCase {

  static final int SYMBOLS = 8;
  static final int WINDOW = 4_096;
  private static final String[] SYMBOL_NAMES = {"AAPL", "MSFT", "GOOG", "AMZN", "TSLA", "NVDA", "META", "NFLX"};

  @Override
  public String description() {
    return "reliable tier: 1 publisher -> PostgreSQL journal -> " + subscribers + " confirming subscriber"
        + (subscribers == 1 ? "" : "s") + ", offered " + (ratePerSec == 0 ? "as fast as journalled" : ratePerSec
        + " events/s");
  }

  @Override
  public CaseResult run(Budget budget) throws Exception {
    Vertx vertx = Vertx.vertx();
    BenchDatabase db = new BenchDatabase(vertx);
    String schema = BenchDatabase.freshSchema();
    Exception failure = null;
    try {
      phase(vertx, db, schema + "_w", budget.warmupMillis());
      return phase(vertx, db, schema, budget.measureMillis()).result(name, ratePerSec, subscribers);
    } catch (Exception e) {
      failure = e;
      throw e;
    } finally {
      try {
        db.dropSchemas(schema, schema + "_w");
      } catch (Exception e) {
        if (failure == null) {
          throw e;
        }
        failure.addSuppressed(e);
      } finally {
        db.close();
        Await.result(vertx.close());
      }
    }
  }

  private Phase phase(Vertx vertx, BenchDatabase db, String schema, long millis) throws Exception {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions()
        .setReliable(new ReliableTierOptions()));
    JournalOptions journal = new JournalOptions().setHost("127.0.0.1").setPort(5432).setDatabase("test")
        .setUser("postgres").setSchema(schema).setNodeId(schema);
    ReliableTier tier = Await.result(ReliableTiers.install(router, journal));
    if (!tier.status().reachable()) {
      throw new IllegalStateException("the reliable-tier cases need PostgreSQL on 127.0.0.1:5432 (database test,"
          + " user postgres): " + tier.status().lastError());
    }
    List<SubscriptionHandle> handles = new ArrayList<>();
    long[] counts = new long[subscribers];
    for (int i = 0; i < subscribers; i++) {
      int k = i;
      handles.add(Await.result(router.subscribe(Subscription.of("sub-" + i, "risk", EventType.ORDER),
          e -> counts[k]++)));
    }
    Desk desk = new Desk(router, ratePerSec);
    Await.result(vertx.deployVerticle(desk));

    BenchDatabase.WalCounters walBefore = db.walCounters();
    Measurement m = Measurement.start();
    Await.result(desk.publishFor(millis), millis / 1000 + 60);
    long published = desk.acknowledged;
    m.stopAt(Await.until(() -> tier.metrics().delivered() >= published * subscribers, 120_000,
        "reliable-tier confirmations"));

    Phase p = new Phase(m, published, desk.rejected, tier.metrics(), db.walCounters().since(walBefore, published));
    for (SubscriptionHandle h : handles) {
      Await.result(h.unsubscribe());
    }
    Await.result(vertx.undeploy(desk.deploymentID()));
    Await.result(router.close());
    return p;
  }

  private record Phase(Measurement m, long published, long rejected, TierMetricsSnapshot metrics, JsonObject wal) {

    CaseResult result(String name, long rate, int subscribers) {
      Latencies lat = Latencies.of(metrics.latency());
      JsonObject d = metrics.details();
      JsonObject write = d.getJsonObject("journal_write_latency");
      JsonObject extra = new JsonObject()
          .put("published", published)
          .put("delivered", metrics.delivered())
          .put("deliveries_per_sec", Math.round(metrics.delivered() / m.seconds()))
          .put("subscribers", subscribers)
          .put("rejected", rejected)
          .put("dropped", 0)
          .put("offered_rate", rate == 0 ? "as fast as journalled (window " + WINDOW + ")" : Long.toString(rate))
          .put("journal_commits", d.getLong("commits"))
          .put("rows_per_commit", CaseResult.round1(d.getDouble("rows_per_commit")))
          .put("journal_write_p50_us", write.getDouble("p50_us"))
          .put("journal_write_p99_us", write.getDouble("p99_us"))
          .put("retries", d.getLong("retries"))
          .put("dead_letters", d.getLong("dead_letters"))
          .put("journal", "PostgreSQL 127.0.0.1:5432, fsync and synchronous_commit on");
      m.report(extra, lat, "tier metrics: publish call to the subscriber's confirmation, per delivery",
              "all threads / events published")
          .put("wal_basis", "pg_stat_wal of the whole server over the measured phase (other clients count too)")
          .mergeIn(wal);
      return m.result(name, published, lat, Math.max(1, published), extra);
    }
  }

  /** The publishing container: paced or windowed ORDER publishing on its event loop. */
  private static final class Desk extends PublisherVerticle<Void> {
    private long seq;
    private long outstanding;
    private boolean stopping;
    long acknowledged;
    long rejected;

    Desk(TieredEventRouter router, long ratePerSec) {
      super(router, "risk", ratePerSec);
    }

    @Override
    void turn() {
      long now = System.nanoTime();
      if (now >= deadline) {
        stopping = true;
        finishIfDone();
        return;
      }
      long budget = ratePerNano == 0
          ? WINDOW - outstanding
          : due(now, seq, 1_000);
      for (long k = 0; k < budget; k++) {
        publishOne();
      }
      if (ratePerNano != 0) {
        vertx.setTimer(1, id -> turn());
      }
    }

    private void publishOne() {
      long n = seq++;
      outstanding++;
      Event e = Event.of(EventType.ORDER, "risk", SYMBOL_NAMES[(int) (n % SYMBOLS)], n,
          new Order("o-" + n, Side.BUY, 1, Double.NaN, "load"));
      publisher.publish(e).onComplete(ar -> {
        outstanding--;
        if (ar.succeeded()) {
          acknowledged++;
        } else {
          rejected++;
        }
        if (stopping) {
          finishIfDone();
        } else if (ratePerNano == 0) {
          turn();
        }
      });
    }

    private void finishIfDone() {
      if (outstanding == 0) {
        done.tryComplete();
      }
    }
  }
}
