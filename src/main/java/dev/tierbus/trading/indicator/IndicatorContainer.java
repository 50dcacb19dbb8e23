package dev.tierbus.trading.indicator;

import dev.tierbus.container.ValidatingFactory;
import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerFactory;
import dev.tierbus.container.Emitter;
import dev.tierbus.event.Bar;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.trading.support.SeriesMap;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes indicators on the bars it receives and publishes them as INDICATOR events:
 * container type {@code indicator}.
 *
 * <pre>
 *   BAR (symbol, timeframe) ──► series state: [RSI(14), MACD(12,26,9), ...] ──► INDICATOR per warmed-up indicator
 * </pre>
 *
 * <p>Which bars arrive is the topology's business (its subscriptions, or a parent forwarding
 * bars internally): the container takes every BAR it is handed. Each (symbol, timeframe) is a
 * series with its own indicator instances, updated in O(1) per bar; nothing is published for
 * an indicator before its warm-up. A bar that is not newer than the last one of its series (a
 * duplicate arriving by two paths, or out of order) is skipped and counted. The INDICATOR
 * event carries the bar's symbol and time and an {@code IndicatorValue} whose timeframe is
 * the bar's. A rejected publication (standard-tier back-pressure) is counted, never retried.
 */
public final class IndicatorContainer extends Container {

  private static final Logger log = LoggerFactory.getLogger(IndicatorContainer.class);

  private final IndicatorConfig config;
  private final SeriesMap<Series> series;
  private final LongAdder barsIn = new LongAdder();
  private final LongAdder barsSkipped = new LongAdder();
  private final LongAdder valuesOut = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final Handler<Throwable> onRejected = this::rejected;

  /** The indicators of one series and the time of its last bar. */
  private static final class Series {
    final Indicator[] indicators;
    long lastTime = Long.MIN_VALUE;

    Series(Indicator[] indicators) {
      this.indicators = indicators;
    }
  }

  public IndicatorContainer(IndicatorConfig config) {
    this.config = config;
    this.series = new SeriesMap<>(() -> new Series(config.newSeries()));
  }

  /** Factory of {@code indicator} with the built-in indicator types. */
  public static ContainerFactory factory() {
    return factory(IndicatorTypes.builtIn());
  }

  /** Factory of {@code indicator} with the given indicator types. */
  public static ContainerFactory factory(IndicatorTypes types) {
    return new ValidatingFactory<>("indicator", r -> IndicatorConfig.read(r, types),
        (spec, config) -> new IndicatorContainer(config));
  }

  @Override
  protected Future<?> setUp() {
    addComponent("indicators", this::onEvent);
    return Future.succeededFuture();
  }

  private void onEvent(Event event, Emitter out) {
    if (event.type() != EventType.BAR || !(event.payload() instanceof Bar bar)) {
      return;
    }
    barsIn.increment();
    Series s = series.get(event.symbol(), bar.timeframe());
    if (event.timeNanos() <= s.lastTime) {
      barsSkipped.increment();
      return;
    }
    s.lastTime = event.timeNanos();
    for (Indicator indicator : s.indicators) {
      if (indicator.update(bar)) {
        valuesOut.increment();
        out.publishExternal(out.event(EventType.INDICATOR, event.symbol(), event.timeNanos(),
            indicator.toValue(bar.timeframe()))).onFailure(onRejected);
      }
    }
  }

  private void rejected(Throwable cause) {
    rejected.increment();
    long n = rejected.sum();
    if (n == 1 || Long.bitCount(n) == 1) { // 1, 2, 4, 8...: rate-limited without a clock
      log.warn("indicator {}: {} INDICATOR publications rejected so far: {}", id(), n, cause.toString());
    }
  }

  /** Bars received. */
  public long barsIn() {
    return barsIn.sum();
  }

  /** Bars skipped as duplicates or out of order. */
  public long barsSkipped() {
    return barsSkipped.sum();
  }

  /** INDICATOR events published. */
  public long valuesPublished() {
    return valuesOut.sum();
  }

  /** INDICATOR publications the router rejected (back-pressure). */
  public long rejectedPublications() {
    return rejected.sum();
  }

  public IndicatorConfig indicatorConfig() {
    return config;
  }
}
