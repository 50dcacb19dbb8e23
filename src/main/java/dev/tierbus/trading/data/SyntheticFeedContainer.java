package dev.tierbus.trading.data;

import dev.tierbus.config.ParamReader;
import dev.tierbus.container.ValidatingFactory;
import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerFactory;
import dev.tierbus.event.Bar;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Tick;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A market-data source that publishes seeded random-walk bars ({@link RandomWalk}) for several
 * symbols on the external router: container types {@code synthetic_feed} and {@code data}
 * with {@code source: synthetic} (the default source; {@code source: csv} replays files, see
 * {@link MarketDataContainer}).
 *
 * <p>Bars are produced in rounds, one bar per symbol per round, with open times
 * {@code start_time + round × timeframe}; with {@code emit_ticks} each bar is followed by a
 * TICK at its close price, timed at the bar's close. Production starts in
 * {@link #onSystemStarted()} and runs on the container's context:
 * <ul>
 *   <li>{@code interval_ms > 0}: one round per period of a Vert.x periodic timer; the fast-tier
 *       batch is flushed after each round, so subscribers see it at once.</li>
 *   <li>{@code interval_ms = 0}: as fast as possible, {@value #CHUNK_BARS} bars per turn of the
 *       context, handing the context back between chunks ({@code runOnContext}) so undeploy,
 *       timers and inbound events still get their turn.</li>
 * </ul>
 * It stops after {@code max_bars} rounds (then {@link #finished()} completes) or on undeploy.
 * Publishing is fast tier, best effort: a subscriber that cannot keep up loses batches
 * (counted by the router), the feed never waits.
 */
public final class SyntheticFeedContainer extends Container {

  /** Bars published per turn of the context when {@code interval_ms} is 0. */
  public static final int CHUNK_BARS = 1000;

  private static final Logger log = LoggerFactory.getLogger(SyntheticFeedContainer.class);

  private final SyntheticFeedConfig config;
  private final String[] symbols;
  private final RandomWalk[] walks;
  private final String timeframe;
  private final long stepNanos;
  private final long startNanos;
  private final Promise<Long> finished = Promise.promise();
  private long round;
  private long timerId = -1;
  private boolean running;
  private volatile long barsPublished;

  public SyntheticFeedContainer(SyntheticFeedConfig config) {
    this.config = config;
    this.symbols = config.symbols().toArray(new String[0]);
    this.walks = new RandomWalk[symbols.length];
    for (int i = 0; i < symbols.length; i++) {
      walks[i] = new RandomWalk(symbols[i], config.seed(), config.startPrice(), config.volatility(), config.drift());
    }
    this.timeframe = config.timeframe().toString();
    this.stepNanos = config.timeframe().nanos();
    this.startNanos = Event.nanos(config.startTime());
  }

  /** Factory of {@code synthetic_feed}. */
  public static ContainerFactory factory() {
    return new ValidatingFactory<>("synthetic_feed", SyntheticFeedContainer::readConfig,
        (spec, config) -> new SyntheticFeedContainer(config));
  }

  /** The feed's parameters; {@code source} may be given, as on a {@code data} container, but only as synthetic. */
  private static SyntheticFeedConfig readConfig(ParamReader r) {
    String source = r.string("source", "synthetic");
    if (!"synthetic".equals(source)) {
      r.problem("source", "'" + source + "': a synthetic_feed is always synthetic; replay files with"
          + " container_type: data and source: csv");
    }
    return SyntheticFeedConfig.read(r);
  }

  /**
   * Factory of {@code data}: {@code source: synthetic} (the default) makes this feed,
   * {@code source: csv} a {@link MarketDataContainer} replay. Same as {@link MarketDataContainer#factory()}.
   */
  public static ContainerFactory dataFactory() {
    return MarketDataContainer.factory();
  }

  public SyntheticFeedConfig feedConfig() {
    return config;
  }

  /** Bars published so far, over all symbols. */
  public long barsPublished() {
    return barsPublished;
  }

  /**
   * Completes with the number of bars published once {@code max_bars} rounds are done;
   * never completes for an unlimited feed.
   */
  public Future<Long> finished() {
    return finished.future();
  }

  @Override
  protected void onSystemStarted() {
    running = true;
    log.info("feed {} starting: {} symbols, {} bars, seed {}, every {} ms, max {} bars per symbol",
        id(), symbols.length, timeframe, config.seed(), config.intervalMs(),
        config.maxBars() == 0 ? "unlimited" : config.maxBars());
    if (config.intervalMs() > 0) {
      publishRound();
      flush();
      if (running) {
        timerId = vertx.setPeriodic(config.intervalMs(), id -> {
          publishRound();
          flush();
        });
      }
    } else {
      context.runOnContext(v -> publishChunk());
    }
  }

  private void publishChunk() {
    int perChunk = Math.max(1, CHUNK_BARS / symbols.length);
    for (int i = 0; i < perChunk && running; i++) {
      publishRound();
    }
    flush();
    if (running) {
      context.runOnContext(v -> publishChunk());
    }
  }

  /** Publishes one bar (and tick) per symbol; finishes after the max_bars-th round. */
  private void publishRound() {
    if (!running) {
      return;
    }
    long time = startNanos + round * stepNanos;
    for (int i = 0; i < symbols.length; i++) {
      Bar bar = walks[i].next(timeframe);
      publishExternal(event(EventType.BAR, symbols[i], time, bar));
      if (config.emitTicks()) {
        publishExternal(event(EventType.TICK, symbols[i], time + stepNanos, new Tick(bar.close(), bar.volume())));
      }
    }
    barsPublished += symbols.length;
    round++;
    if (config.maxBars() > 0 && round >= config.maxBars()) {
      stopProducing();
      flush();
      finished.tryComplete(barsPublished);
      log.info("feed {} finished: {} bars published", id(), barsPublished);
    }
  }

  private void stopProducing() {
    running = false;
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }

  @Override
  protected Future<?> tearDown() {
    stopProducing();
    return Future.succeededFuture();
  }

  /** For logs: the symbols this feed publishes. */
  public List<String> symbols() {
    return config.symbols();
  }
}
