package dev.tierbus.loadtest;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Order;
import dev.tierbus.event.Side;
import dev.tierbus.journal.EmbeddedJournal;
import dev.tierbus.journal.JournalOptions;
import dev.tierbus.journal.ReliableTier;
import dev.tierbus.journal.ReliableTiers;
import dev.tierbus.router.ReliableTierOptions;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The paced reliable tail held over minutes, through a PostgreSQL checkpoint: one publisher
 * paced at {@code ratePerSec} ORDERs/s, one confirming subscriber, for {@code windows} windows
 * (full run: 5 of 60 s; quick: 3 of 10 s), with a {@code CHECKPOINT} issued in the middle of
 * the second window, on the journal's defaults (a confirmation deletes its row; with
 * {@code -Dsoak.retention_ms=60000} delivered rows are kept and purged instead, so the purge
 * runs from the second minute on).
 *
 * <p>Latency per event: publish call to the end of the subscriber's handler, whose return is
 * the confirmation (the reply to the tier leaves right after), from the event's time stamp
 * ({@code System.nanoTime()} at publish); and publish call to the acknowledgement (the journal
 * write). Reported per window (p50/p99/p99.9/max), with the WAL the server wrote in it
 * ({@code pg_stat_wal}, server-wide: other clients of the server count too) and its
 * checkpoints, and the worst seconds.
 *
 * @param embedded true: journal in an embedded server started by the case (a fresh data
 *     directory, {@link dev.tierbus.journal.JournalServerSettings}), as {@code run} does
 *     when no server is configured; false: the server on 127.0.0.1:5432 as it is set up
 */
record ReliableSoakCase(String name, long ratePerSec, boolean embedded) implements LoadCase {

  static final long TARGET_P99_US = 20_000;
  /** Journal retention of delivered rows: the default (0: deleted at confirmation) unless -Dsoak.retention_ms. */
  static final long RETENTION_MS = Long.getLong("soak.retention_ms", JournalOptions.DEFAULT_RETENTION_MS);
  private static final String[] SYMBOL_NAMES = {"AAPL", "MSFT", "GOOG", "AMZN", "TSLA", "NVDA", "META", "NFLX"};

  @Override
  public String description() {
    return "reliable tier paced at " + ratePerSec + " events/s for 5 minutes (quick: 30 s), a CHECKPOINT in the"
        + " second minute: p99 per minute" + (embedded ? "; journal in an embedded server of its own" : "");
  }

  /** Window length and count for a budget: 5 x 60 s in a full run, 3 x 10 s in a quick one. */
  static long windowMillis(Budget budget) {
    return Long.getLong("soak.window_ms", budget.quick() ? 10_000 : 60_000);
  }

  static int windows(Budget budget) {
    return Integer.getInteger("soak.windows", budget.quick() ? 3 : 5);
  }

  @Override
  public long deadlineMillis(Budget budget) {
    return budget.warmupMillis() + windowMillis(budget) * windows(budget) + 180_000;
  }

  @Override
  public CaseResult run(Budget budget) throws Exception {
    Vertx vertx = Vertx.vertx();
    String schema = BenchDatabase.freshSchema();
    EmbeddedJournal server = null;
    java.nio.file.Path dataDir = null;
    JournalOptions journal = new JournalOptions().setHost(BenchDatabase.HOST).setPort(BenchDatabase.PORT)
        .setDatabase(BenchDatabase.DATABASE).setUser(BenchDatabase.USER).setSchema(schema).setNodeId(schema)
        .setRetentionMs(RETENTION_MS);
    BenchDatabase db;
    if (embedded) {
      dataDir = java.nio.file.Files.createTempDirectory("tierbus-soak-journal");
      server = Await.result(EmbeddedJournal.start(vertx, new JournalOptions().setDataDir(dataDir.toString())), 120);
      journal = server.connectOptions(journal);
      PgConnectOptions connect = new PgConnectOptions().setHost(journal.getHost()).setPort(journal.getPort())
          .setDatabase(journal.getDatabase()).setUser(journal.getUser()).setPassword(journal.getPassword());
      db = new BenchDatabase(vertx, connect);
    } else {
      db = new BenchDatabase(vertx);
    }
    TieredEventRouter router = null;
    CaseResult result = null;
    List<String> teardown = new ArrayList<>();
    try {
      router = TieredEventRouter.create(vertx, new RouterOptions().setReliable(new ReliableTierOptions()));
      ReliableTier tier = Await.result(ReliableTiers.install(router, journal));
      if (!tier.status().reachable()) {
        throw new IllegalStateException("the reliable-tier cases need PostgreSQL on 127.0.0.1:5432 (database test,"
            + " user postgres): " + tier.status().lastError());
      }
      Recorder confirmed = new Recorder(3);
      Await.result(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER),
          e -> confirmed.recordValue(Math.max(0, System.nanoTime() - e.timeNanos()))));
      Desk desk = new Desk(router, ratePerSec);
      Await.result(vertx.deployVerticle(desk));
      result = measure(budget, db, desk, confirmed, tier);
    } finally {
      // each step bounded and on its own: a measured result is kept whatever the tear-down does
      if (router != null) {
        TieredEventRouter routerToClose = router;
        step(teardown, "closing the router", () -> Await.result(routerToClose.close(), 90));
      }
      step(teardown, "dropping schema " + schema, () -> db.dropSchemas(schema));
      step(teardown, "closing the harness's pool", db::close);
      if (server != null) {
        EmbeddedJournal toStop = server;
        java.nio.file.Path toDelete = dataDir;
        step(teardown, "stopping the embedded server", () -> Await.result(toStop.stop(), 60));
        step(teardown, "deleting " + dataDir, () -> {
          try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(toDelete)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
          }
        });
      }
      step(teardown, "closing Vert.x", () -> Await.result(vertx.close(), 60));
    }
    if (!teardown.isEmpty()) {
      System.out.println("   tear-down of " + name + ": " + String.join("; ", teardown));
      result.extra().put("teardown_errors", new JsonArray(teardown));
    }
    return result;
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void step(List<String> errors, String what, Step step) {
    try {
      step.run();
    } catch (Exception e) {
      errors.add(what + ": " + e);
    }
  }

  private CaseResult measure(Budget budget, BenchDatabase db, Desk desk, Recorder confirmed, ReliableTier tier)
      throws Exception {
    long windowMs = windowMillis(budget);
    int windows = windows(budget);
    long totalMs = windowMs * windows;
    Await.result(desk.start(budget.warmupMillis() + totalMs + 60_000));
    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(budget.warmupMillis()));
    confirmed.getIntervalHistogram();
    desk.acks.getIntervalHistogram();

    Histogram all = new Histogram(3);
    Histogram allAcks = new Histogram(3);
    JsonArray perWindow = new JsonArray();
    List<JsonObject> seconds = new ArrayList<>();
    long checkpointAtMs = windowMs + windowMs / 2;
    Future<Long> checkpoint = null;
    long t0 = System.nanoTime();
    long ackedAtStart = desk.acknowledged();
    BenchDatabase.WalCounters walStart = db.walCounters();
    BenchDatabase.WalCounters walBefore = walStart;
    Histogram second = null;
    Histogram secondAcks = null;
    for (int w = 0; w < windows; w++) {
      Histogram window = new Histogram(3);
      Histogram windowAcks = new Histogram(3);
      long ackedBefore = desk.acknowledged();
      AllocationMeter gc = AllocationMeter.start();
      String loadBefore = loadAverage();
      long windowEnd = t0 + TimeUnit.MILLISECONDS.toNanos(windowMs * (w + 1));
      for (long s = 1; ; s++) {
        long at = Math.min(windowEnd, t0 + TimeUnit.MILLISECONDS.toNanos(windowMs * w + 1_000 * s));
        LockSupport.parkNanos(Math.max(0, at - System.nanoTime()));
        if (checkpoint == null && System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(checkpointAtMs)) {
          checkpoint = timedCheckpoint(db);
        }
        second = confirmed.getIntervalHistogram(second);
        secondAcks = desk.acks.getIntervalHistogram(secondAcks);
        window.add(second);
        windowAcks.add(secondAcks);
        seconds.add(new JsonObject()
            .put("at_s", CaseResult.round1((System.nanoTime() - t0) / 1e9))
            .put("p99_us", second.getValueAtPercentile(99) / 1000.0)
            .put("max_us", second.getMaxValue() / 1000.0)
            .put("ack_p99_us", secondAcks.getValueAtPercentile(99) / 1000.0));
        if (at >= windowEnd) {
          break;
        }
      }
      BenchDatabase.WalCounters walNow = db.walCounters();
      long events = desk.acknowledged() - ackedBefore;
      all.add(window);
      allAcks.add(windowAcks);
      perWindow.add(new JsonObject()
          .put("window", w + 1)
          .put("events", events)
          .put("p50_us", window.getValueAtPercentile(50) / 1000.0)
          .put("p99_us", window.getValueAtPercentile(99) / 1000.0)
          .put("p999_us", window.getValueAtPercentile(99.9) / 1000.0)
          .put("max_us", window.getMaxValue() / 1000.0)
          .put("journal_write_p99_us", windowAcks.getValueAtPercentile(99) / 1000.0)
          .put("journal_write_max_us", windowAcks.getMaxValue() / 1000.0)
          .put("gc_count", gc.gcCountSince())
          .put("gc_ms", gc.gcMillisSince())
          .put("load_average_1min", loadBefore + " -> " + loadAverage())
          .mergeIn(walNow.since(walBefore, events)));
      walBefore = walNow;
      System.out.printf("   window %d: %s%n", w + 1, perWindow.getJsonObject(w).encode());
    }
    double seconds_ = (System.nanoTime() - t0) / 1e9;
    long published = desk.acknowledged() - ackedAtStart;
    Await.result(desk.stopPublishing(), 120);
    Long checkpointMs = checkpoint == null ? null : Await.result(checkpoint, BenchDatabase.STATEMENT_TIMEOUT_MS / 1000 + 5);
    JsonObject wal = db.walCounters().since(walStart, published);

    boolean met = true;
    for (Object o : perWindow) {
      met &= ((JsonObject) o).getDouble("p99_us") < TARGET_P99_US;
    }
    seconds.sort(Comparator.comparingDouble((JsonObject o) -> o.getDouble("p99_us")).reversed());
    JsonObject extra = new JsonObject()
        .put("published", published)
        .put("rejected", desk.rejected)
        .put("dropped", 0)
        .put("subscribers", 1)
        .put("offered_rate", Long.toString(ratePerSec))
        .put("window_s", windowMs / 1000)
        .put("windows", perWindow)
        .put("p99_target_us", TARGET_P99_US)
        .put("p99_met_in_every_window", met)
        .put("journal_write_p99_us", allAcks.getValueAtPercentile(99) / 1000.0)
        .put("checkpoint_issued_at_s", checkpointAtMs / 1000.0)
        .put("checkpoint_took_ms", checkpointMs)
        .put("worst_seconds", new JsonArray(seconds.subList(0, Math.min(5, seconds.size()))))
        .put("retention_ms", RETENTION_MS)
        .put("server", db.settings("wal_compression", "full_page_writes", "checkpoint_timeout", "max_wal_size",
            "shared_buffers", "autovacuum", "synchronous_commit", "fsync", "wal_writer_delay", "server_version",
            "autovacuum_naptime", "min_wal_size", "wal_buffers"))
        .put("journal", embedded ? "embedded PostgreSQL started by the case (JournalServerSettings)"
            : "PostgreSQL 127.0.0.1:5432, fsync and synchronous_commit on")
        .put("latency_source", "publish call to the end of the subscriber's handler (the confirmation is its reply)")
        .put("tier_details", tier.metrics().details().copy().put("journal_write_latency", "see journal_write_p99_us"))
        .put("duration_s", CaseResult.round3(seconds_))
        .mergeIn(wal);
    return new CaseResult(name, published / seconds_, all.getValueAtPercentile(50) / 1000.0,
        all.getValueAtPercentile(99) / 1000.0, all.getValueAtPercentile(99.9) / 1000.0, 0, extra);
  }

  /** The machine's 1-minute load average (other processes on the 2 cores show in the tail). */
  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException | RuntimeException e) {
      return "?";
    }
  }

  /** Issues CHECKPOINT; the Future holds how long it took in ms. */
  private static Future<Long> timedCheckpoint(BenchDatabase db) {
    Promise<Long> p = Promise.promise();
    Thread t = new Thread(() -> {
      long t0 = System.nanoTime();
      try {
        db.execute("CHECKPOINT");
        p.complete((System.nanoTime() - t0) / 1_000_000);
      } catch (Exception e) {
        p.fail(e);
      }
    }, "soak-checkpoint");
    t.setDaemon(true);
    t.start();
    return p.future();
  }

  /** The publishing container: ORDERs paced by a token bucket on a 1 ms timer, time-stamped at publish. */
  private static final class Desk extends PublisherVerticle<Void> {
    final Recorder acks = new Recorder(3);
    private long seq;
    private volatile long acknowledged;
    volatile long rejected;
    private volatile boolean stopping;
    private long outstanding;
    private Promise<Void> stopped;

    Desk(TieredEventRouter router, long ratePerSec) {
      super(router, "risk", ratePerSec);
    }

    long acknowledged() {
      return acknowledged;
    }

    /** Starts publishing on the desk's context, for at most {@code millis}. */
    Future<Void> start(long millis) {
      Promise<Void> p = Promise.promise();
      context.runOnContext(v -> {
        start = System.nanoTime();
        deadline = start + millis * 1_000_000L;
        turn();
        p.complete();
      });
      return p.future();
    }

    /** Stops publishing; completes once every publish made is acknowledged or refused. */
    Future<Void> stopPublishing() {
      Promise<Void> p = Promise.promise();
      context.runOnContext(v -> {
        stopping = true;
        stopped = p;
        if (outstanding == 0) {
          p.tryComplete();
        }
      });
      return p.future();
    }

    @Override
    void turn() {
      long now = System.nanoTime();
      if (stopping || now >= deadline) {
        return;
      }
      long budget = due(now, seq, 1_000);
      for (long k = 0; k < budget; k++) {
        long n = seq++;
        outstanding++;
        long t = System.nanoTime();
        Event e = Event.of(EventType.ORDER, "risk", SYMBOL_NAMES[(int) (n % SYMBOL_NAMES.length)], t,
            new Order("o-" + n, Side.BUY, 1, Double.NaN, "soak"));
        publisher.publish(e).onComplete(ar -> {
          outstanding--;
          if (ar.succeeded()) {
            acks.recordValue(Math.max(0, System.nanoTime() - t));
            acknowledged++;
          } else {
            rejected++;
          }
          if (stopping && outstanding == 0 && stopped != null) {
            stopped.tryComplete();
          }
        });
      }
      vertx.setTimer(1, id -> turn());
    }
  }
}
