package dev.tierbus.trading.data;

import dev.tierbus.config.ParamReader;
import dev.tierbus.container.ValidatingFactory;
import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerFactory;
import dev.tierbus.event.BarOpen;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Tick;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays market-data files as BAR_OPEN and BAR events (and TICKs of trades files) on the
 * fast tier: container type {@code data} with {@code source: csv} ({@link MarketDataConfig}).
 *
 * <pre>
 *   files ──► OhlcvCsvReader / TradeBarAggregator (one per file, streaming, rows checked)
 *         ──► ReplayCursor (k-way merge by bar time; loop) ──► TimeGroup per bar time t
 *         ──► ReplayGate.awaitTurn(t, OPEN)  ──► BAR_OPEN per symbol ──► flush
 *         ──► ReplayGate.awaitTurn(t, CLOSE) ──► TICKs, BAR per symbol ──► flush
 * </pre>
 *
 * <p>Events carry the market time: BAR_OPEN and BAR the bar's open time t (as every bar in
 * tierbus), a TICK its trade's time. Per (source, symbol) the fast tier keeps order, so a
 * subscriber sees each symbol's BAR_OPEN before its BAR and bars in time order.
 *
 * <p>Files are read off the event loops: on the container's worker context (the default
 * {@code threading}) directly, from an event-loop context through {@code executeBlocking}.
 * Groups are read ahead {@value #READ_AHEAD_GROUPS} at a time, so memory is bounded by that
 * and by one bar per file, whatever the files' length. With {@code bad_rows: fail} (the
 * default) every file is read through once in {@link #setUp()}: a bad row fails the
 * deployment with its file and line, before anything is published.
 *
 * <p>The pace is the {@link ReplayGate}'s: from {@code speed} / {@code bar_interval_ms}
 * ({@link ReplayGates}) or, with {@link #factory(ReplayGate)}, one given by the embedding
 * program (a backtest's clock). While turns are granted at once, at most
 * {@value #CHUNK_EVENTS} events are published per turn of the context before it is handed
 * back. The replay starts in {@link #onSystemStarted()}; {@link #finished()} completes when it
 * is over.
 */
public final class MarketDataContainer extends Container {

  /** Events published per turn of the context while the gate releases turns at once. */
  public static final int CHUNK_EVENTS = 1000;
  /** Bar times read from the files per read. */
  public static final int READ_AHEAD_GROUPS = 512;

  private static final Logger log = LoggerFactory.getLogger(MarketDataContainer.class);
  /** The parameters each source reads, as its reading code declares them. */
  private static final Set<String> CSV_KEYS = ParamReader.keysReadBy(MarketDataConfig::read);
  private static final Set<String> SYNTHETIC_KEYS = ParamReader.keysReadBy(SyntheticFeedConfig::read);

  private final MarketDataConfig config;
  private final SyntheticFeedConfig synthetic;
  private final ReplayGate customGate;
  private final Promise<ReplaySummary> finished = Promise.promise();
  private ReplayGate gate;
  private boolean flushEveryPhase = true;
  private BadRows badRows;
  private GroupSource cursor;
  private String timeframe;
  private List<TimeGroup> buffer = List.of();
  private int next;
  private TimeGroup current;
  private ReplayGate.Phase phase;
  private boolean running;
  private boolean exhausted;
  private boolean ended;
  private volatile List<FileSpan> spans = List.of();
  private volatile long groupsOut;
  private volatile long barsOut;
  private volatile long ticksOut;

  /**
   * @param gate the gate to pace by, or null for the one {@code speed} / {@code bar_interval_ms} describe
   */
  public MarketDataContainer(MarketDataConfig config, ReplayGate gate) {
    this.config = config;
    this.synthetic = null;
    this.customGate = gate;
  }

  /**
   * The synthetic feed's bars ({@link SyntheticFeedConfig}) released through {@code gate}: how a
   * backtest runs on generated data ({@code max_bars} bounds it; {@code interval_ms} is not used).
   */
  public MarketDataContainer(SyntheticFeedConfig synthetic, ReplayGate gate) {
    if (gate == null) {
      throw new IllegalArgumentException("gate must not be null: without one the synthetic source is a SyntheticFeedContainer");
    }
    this.config = new MarketDataConfig(List.of(), synthetic.timeframe(), 0, 0, false, BadRowPolicy.FAIL);
    this.synthetic = synthetic;
    this.customGate = gate;
  }

  /**
   * Factory of {@code data}: {@code source: synthetic} (the default) gives a
   * {@link SyntheticFeedContainer}, {@code source: csv} a replay paced by its own
   * {@code speed} or {@code bar_interval_ms}.
   */
  public static ContainerFactory factory() {
    return dataFactory(null);
  }

  /**
   * Factory of {@code data} whose replays are paced by {@code gate} instead of their
   * {@code speed} (which is then ignored): how a backtest puts the data under its clock.
   * {@code source: synthetic} is replayed through the gate too (its bars as
   * {@link SyntheticFeedContainer} makes them, {@code interval_ms} ignored; set
   * {@code max_bars} or it never ends). Learn that a replay is over from
   * {@link ReplayGate#onEnd} or from the container's {@link #finished()}.
   */
  public static ContainerFactory factory(ReplayGate gate) {
    if (gate == null) {
      throw new IllegalArgumentException("gate must not be null; use factory() for the configured pace");
    }
    return dataFactory(gate);
  }

  private static ContainerFactory dataFactory(ReplayGate gate) {
    return new ValidatingFactory<Object>("data", r -> readSource(r, gate), (spec, config) ->
        config instanceof MarketDataConfig c ? new MarketDataContainer(c, gate)
            : gate != null ? new MarketDataContainer((SyntheticFeedConfig) config, gate)
            : new SyntheticFeedContainer((SyntheticFeedConfig) config));
  }

  /**
   * Reads {@code source} and the parameters of that source; the other source's keys are
   * reported as only used with it. Without a gate, a replay at full speed is worth a warning:
   * under {@code run} nothing paces it.
   */
  private static Object readSource(ParamReader r, ReplayGate gate) {
    String source = r.string("source", "synthetic");
    switch (source) {
      case "csv":
        r.usedOnlyWith(SYNTHETIC_KEYS, "source", "synthetic");
        MarketDataConfig config = MarketDataConfig.read(r);
        if (gate == null && config.asFastAsPossible()) {
          r.warn("speed", "max (also the pace without speed or bar_interval_ms) replays the files as fast as the node"
              + " can go under run: subscribers that fall behind miss fast-tier batches, and the replay is over in"
              + " moments" + (config.loop() ? " and starts again at once, forever" : "") + "; give it a pace (speed: 60"
              + " is a minute of market a second, bar_interval_ms: 200 a bar time every 200 ms), or run it with"
              + " backtest, whose clock paces it");
        }
        return config;
      case "synthetic":
        r.usedOnlyWith(CSV_KEYS, "source", "csv");
        return SyntheticFeedConfig.read(r);
      default:
        r.problem("source", "'" + source + "' is not a data source, expected synthetic or csv");
        r.ignoreUnreadKeys();
        return null;
    }
  }

  public MarketDataConfig dataConfig() {
    return config;
  }

  /**
   * Completes with what was published once the replay is over: the files' end (never with
   * {@code loop}), or an undeploy ({@link ReplaySummary#complete()} false). Fails when the
   * replay stops on an error (an unreadable file, a bad row under {@code bad_rows: fail}
   * found mid-way, a failed gate).
   */
  public Future<ReplaySummary> finished() {
    return finished.future();
  }

  /**
   * The stretch of time each file covers, once every file has been read to its end: from the
   * start with {@code bad_rows: fail} (the files are read through to check them), else from the
   * end of the first pass. Empty before that, and for the synthetic source.
   */
  public List<FileSpan> fileSpans() {
    return spans;
  }

  /** Bar times released so far (both phases published). */
  public long groupsPublished() {
    return groupsOut;
  }

  /** BAR events published so far. */
  public long barsPublished() {
    return barsOut;
  }

  /** TICK events published so far. */
  public long ticksPublished() {
    return ticksOut;
  }

  @Override
  protected Future<?> setUp() {
    if (customGate != null && (config.speed() > 0 || config.barIntervalMs() > 0)) {
      log.info("data {}: paced by the embedding program's gate; speed / bar_interval_ms are not used", id());
    }
    badRows = new BadRows(config.badRows(), "data " + id());
    if (synthetic != null) {
      cursor = new SyntheticGroups(synthetic);
      timeframe = synthetic.timeframe().toString();
      gate = customGate;
      flushEveryPhase = gate.flushEveryPhase();
      return Future.succeededFuture();
    }
    return blocking(() -> {
      if (config.badRows() == BadRowPolicy.FAIL) {
        checkEveryRow();
      }
      cursor = new ReplayCursor(config.files(), config.timeframe(), badRows, config.loop()).open();
      return cursor.timeframe();
    }).map(tf -> {
      Timeframe t = tf != null ? tf : config.timeframe() != null ? config.timeframe() : new Timeframe(1, Timeframe.Unit.DAY);
      timeframe = t.toString();
      gate = customGate != null ? customGate
          : config.barIntervalMs() > 0 ? ReplayGates.fixedInterval(vertx, config.barIntervalMs())
          : config.speed() > 0 ? ReplayGates.marketTime(vertx, config.speed(), t.nanos())
          : ReplayGates.asFastAsPossible();
      flushEveryPhase = gate.flushEveryPhase();
      return null;
    });
  }

  /** Reads every file to its end once, so that a bad row fails the start (bad_rows: fail). */
  private void checkEveryRow() throws IOException {
    try (ReplayCursor check = new ReplayCursor(config.files(), config.timeframe(), badRows, false).open()) {
      while (!check.next(4096).isEmpty()) {
        // reading is the check
      }
      spans = List.copyOf(check.spans());
      log.info("data {}: {} bars at {} bar times checked in {} files", id(), check.bars(), check.groups(),
          config.files().size());
    }
  }

  @Override
  protected void onSystemStarted() {
    running = true;
    log.info("data {}: replaying {} ({} bars{}{})", id(), synthetic != null ? "synthetic " + synthetic.symbols()
            : config.files().stream().map(f -> f.symbol() + " " + f.path()).toList(), timeframe,
        customGate != null ? ", custom gate" : config.barIntervalMs() > 0 ? ", one bar time every "
            + config.barIntervalMs() + " ms" : config.speed() > 0 ? ", speed " + config.speed() + "x" : ", speed max",
        config.loop() ? ", looping" : "");
    if (config.loop() && synthetic == null) {
      log.info("data {}: looping history: at the end of the files the replay starts again with every time shifted"
          + " forward past the last bar, so after the first pass the dates are not the market's dates", id());
    }
    pump();
  }

  /** Publishes while turns are granted at once, up to a chunk; otherwise waits for the gate or the files. */
  private void pump() {
    int budget = CHUNK_EVENTS;
    while (running) {
      if (current == null) {
        if (next < buffer.size()) {
          current = buffer.get(next++);
          phase = ReplayGate.Phase.OPEN;
        } else if (exhausted) {
          end(true, null);
          return;
        } else {
          flush();
          readAhead();
          return;
        }
      }
      Future<Void> turn;
      try {
        turn = gate.awaitTurn(current.timeNanos(), phase);
      } catch (RuntimeException e) {
        end(false, e);
        return;
      }
      if (!turn.isComplete()) {
        flush(); // a no-op after a phase flush; else what was batched must not wait for the gate
        turn.onComplete(ar -> context.runOnContext(v -> afterTurn(ar)));
        return;
      }
      if (turn.failed()) {
        end(false, turn.cause());
        return;
      }
      budget -= publishPhase();
      if (budget <= 0) {
        flush();
        context.runOnContext(v -> pump());
        return;
      }
    }
  }

  private void afterTurn(AsyncResult<Void> ar) {
    if (!running) {
      return;
    }
    if (ar.failed()) {
      end(false, ar.cause());
      return;
    }
    publishPhase();
    pump();
  }

  private void readAhead() {
    blocking(() -> cursor.next(READ_AHEAD_GROUPS)).onComplete(ar -> context.runOnContext(v -> {
      if (!running) {
        return;
      }
      if (ar.failed()) {
        end(false, ar.cause());
        return;
      }
      buffer = ar.result();
      next = 0;
      exhausted = buffer.isEmpty();
      pump();
    }));
  }

  /** Publishes the current phase of the current group and moves on; returns the events published. */
  private int publishPhase() {
    TimeGroup g = current;
    long t = g.timeNanos();
    List<ReplayBar> bars = g.bars();
    int n = 0;
    if (phase == ReplayGate.Phase.OPEN) {
      for (int i = 0; i < bars.size(); i++) {
        ReplayBar b = bars.get(i);
        publishExternal(event(EventType.BAR_OPEN, b.symbol(), t, new BarOpen(timeframe, b.bar().open())));
        n++;
      }
      if (flushEveryPhase) {
        flush();
      }
      phase = ReplayGate.Phase.CLOSE;
      return n;
    }
    n += publishTicks(bars);
    for (int i = 0; i < bars.size(); i++) {
      ReplayBar b = bars.get(i);
      publishExternal(event(EventType.BAR, b.symbol(), t, b.bar()));
    }
    n += bars.size();
    if (flushEveryPhase) {
      flush();
    }
    barsOut += bars.size();
    groupsOut++;
    current = null;
    return n;
  }

  private record SymbolTick(String symbol, ReplayTick tick) {}

  /** The ticks of the group's bars, merged in time order (file order for equal times). */
  private int publishTicks(List<ReplayBar> bars) {
    List<SymbolTick> all = null;
    for (ReplayBar b : bars) {
      if (b.ticks().isEmpty()) {
        continue;
      }
      if (all == null) {
        all = new ArrayList<>(b.ticks().size());
      }
      for (ReplayTick t : b.ticks()) {
        all.add(new SymbolTick(b.symbol(), t));
      }
    }
    if (all == null) {
      return 0;
    }
    all.sort(Comparator.comparingLong(st -> st.tick().timeNanos())); // stable: file order within a time
    for (SymbolTick st : all) {
      publishExternal(event(EventType.TICK, st.symbol(), st.tick().timeNanos(),
          new Tick(st.tick().price(), st.tick().size())));
    }
    ticksOut += all.size();
    return all.size();
  }

  private void end(boolean complete, Throwable cause) {
    if (ended) {
      return;
    }
    ended = true;
    running = false;
    flush();
    if (spans.isEmpty() && cursor instanceof ReplayCursor files && files.firstPassRead()) {
      spans = List.copyOf(files.spans());
    }
    ReplaySummary summary = new ReplaySummary(groupsOut, barsOut, ticksOut, badRows == null ? 0 : badRows.skipped(),
        cursor == null ? 0 : cursor.loops(), complete);
    closeCursor();
    try {
      if (gate != null) {
        gate.onEnd(summary);
      }
    } catch (RuntimeException e) {
      log.warn("data {}: the replay gate failed in onEnd", id(), e);
    }
    if (cause != null) {
      log.error("data {}: replay stopped after {} bars: {}", id(), summary.bars(), cause.toString());
      finished.tryFail(cause);
    } else {
      log.info("data {}: replay {}: {}", id(), complete ? "finished" : "stopped", summary);
      finished.tryComplete(summary);
    }
  }

  private void closeCursor() {
    GroupSource c = cursor;
    if (c != null) {
      blocking(() -> {
        c.close();
        return null;
      }).onFailure(e -> log.warn("data {}: closing the files failed: {}", id(), e.toString()));
    }
  }

  @Override
  protected Future<?> tearDown() {
    if (!ended) {
      end(false, null);
    }
    return Future.succeededFuture();
  }

  /** Runs file work off the event loops: here on a worker context, else on the worker pool (ordered). */
  private <T> Future<T> blocking(Callable<T> task) {
    if (context.isEventLoopContext()) {
      return context.executeBlocking(task, true);
    }
    try {
      return Future.succeededFuture(task.call());
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
  }
}
