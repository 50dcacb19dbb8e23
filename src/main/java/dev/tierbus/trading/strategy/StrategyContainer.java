package dev.tierbus.trading.strategy;

import dev.tierbus.config.ParamReader;
import dev.tierbus.container.ValidatingFactory;
import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerFactory;
import dev.tierbus.container.Emitter;
import dev.tierbus.event.Bar;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventIds;
import dev.tierbus.event.EventType;
import dev.tierbus.event.IndicatorValue;
import dev.tierbus.event.Signal;
import dev.tierbus.router.Scope;
import dev.tierbus.trading.support.SeriesMap;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link StrategyFunction} on the bars it receives: container type {@code strategy}.
 *
 * <pre>
 *   BAR / INDICATOR (from a subscription, or forwarded by the parent on the internal bus)
 *     ──► StrategyFunction.onBar(bar, symbol) / onIndicator(value, symbol) ──► SIGNAL ──► parent (internal bus, Scope.PARENT) if there is one
 *                                                        └─► router (publishExternal) otherwise
 * </pre>
 *
 * <p>Parameters: {@code strategy: {type: <name>, ...}} where the type is looked up in
 * {@link StrategyTypes} (built in: {@code momentum}, {@code mean_reversion}, {@code breakout}). Any function can
 * also be wrapped directly with {@link #StrategyContainer(StrategyFunction)}.
 *
 * <p>A strategy inside an ensemble gets its bars from the ensemble; if it also subscribes to
 * the same bars itself, each bar arrives twice: a bar that is not newer than the last one of
 * its (symbol, timeframe) is skipped and counted, so the function sees each bar once and in
 * order; the same holds for an indicator value per (symbol, timeframe, indicator with its
 * parameters). The SIGNAL event has the symbol and time of the bar (or indicator value) it
 * answers and a {@value #TIMEFRAME_HEADER} header with its timeframe, so an ensemble can tell the 1min and 5min signals of one
 * instant apart.
 */
public final class StrategyContainer extends Container {

  /** Header of SIGNAL events naming the timeframe of the bar the signal is for. */
  public static final String TIMEFRAME_HEADER = "timeframe";

  private static final Logger log = LoggerFactory.getLogger(StrategyContainer.class);

  private final StrategyFunction function;
  private final SeriesMap<long[]> lastBarTime = new SeriesMap<>(() -> new long[] {Long.MIN_VALUE});
  private final LongAdder barsIn = new LongAdder();
  private final LongAdder barsSkipped = new LongAdder();
  private final SeriesMap<Map<String, long[]>> lastIndicatorTime = new SeriesMap<>(HashMap::new);
  private final LongAdder indicatorsIn = new LongAdder();
  private final LongAdder indicatorsSkipped = new LongAdder();
  private final LongAdder signalsOut = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final Handler<Throwable> onRejected = this::rejected;

  /** A strategy container running {@code function}. */
  public StrategyContainer(StrategyFunction function) {
    this.function = Objects.requireNonNull(function, "function");
  }

  /** Factory of {@code strategy} with the built-in strategy types. */
  public static ContainerFactory factory() {
    return factory(StrategyTypes.builtIn());
  }

  /** Factory of {@code strategy} resolving {@code strategy.type} in {@code types}. */
  public static ContainerFactory factory(StrategyTypes types) {
    return new ValidatingFactory<>("strategy", r -> readFunction(r, types),
        (spec, function) -> new StrategyContainer(function));
  }

  /**
   * Reads {@code strategy: {type, ...}} and makes its function; null (with problems recorded)
   * when the parameters are bad.
   */
  public static StrategyFunction readFunction(ParamReader r, StrategyTypes types) {
    if (!r.has("strategy")) {
      r.problem("strategy", "is required, expected {type: one of " + types.names() + ", ...parameters}");
      return null;
    }
    ParamReader sr = r.object("strategy");
    String type = sr.requiredString("type");
    if (type == null) {
      sr.ignoreUnreadKeys();
      return null;
    }
    StrategyFactory factory = types.get(type);
    if (factory == null) {
      sr.problem("type", "unknown strategy '" + type + "', expected one of " + types.names());
      sr.ignoreUnreadKeys();
      return null;
    }
    sr.describedAs("strategy " + type).declare(factory.parameterNames());
    for (String other : types.names()) {
      sr.usedOnlyWith(types.get(other).parameterNames(), "type", other);
    }
    return factory.create(sr);
  }

  @Override
  protected Future<?> setUp() {
    addComponent("strategy", this::onEvent);
    return Future.succeededFuture();
  }

  private void onEvent(Event event, Emitter out) {
    if (event.type() == EventType.INDICATOR && event.payload() instanceof IndicatorValue value) {
      onIndicator(event, value, out);
      return;
    }
    if (event.type() != EventType.BAR || !(event.payload() instanceof Bar bar)) {
      return;
    }
    barsIn.increment();
    long[] last = lastBarTime.get(event.symbol(), bar.timeframe());
    if (event.timeNanos() <= last[0]) {
      barsSkipped.increment();
      return;
    }
    last[0] = event.timeNanos();
    emit(event, bar.timeframe(), function.onBar(bar, event.symbol()), out);
  }

  /** An indicator value, once per (symbol, timeframe, indicator and parameters, time). */
  private void onIndicator(Event event, IndicatorValue value, Emitter out) {
    indicatorsIn.increment();
    Map<String, long[]> byIndicator = lastIndicatorTime.get(event.symbol(), value.timeframe());
    long[] last = byIndicator.computeIfAbsent(value.name() + value.params(), k -> new long[] {Long.MIN_VALUE});
    if (event.timeNanos() <= last[0]) {
      indicatorsSkipped.increment();
      return;
    }
    last[0] = event.timeNanos();
    emit(event, value.timeframe(), function.onIndicator(value, event.symbol()), out);
  }

  private void emit(Event event, String timeframe, Signal answer, Emitter out) {
    Signal signal = answer;
    if (signal == null) {
      return;
    }
    if (signal.strategy() == null) {
      signal = new Signal(signal.direction(), signal.strength(), signal.reason(), id());
    }
    Map<String, String> headers = timeframe == null ? Map.of() : Map.of(TIMEFRAME_HEADER, timeframe);
    Event out1 = new Event(EventIds.next(), EventType.SIGNAL, id(), event.symbol(), event.timeNanos(), signal, headers);
    signalsOut.increment();
    if (parent() != null) {
      out.publishInternal(out1, Scope.PARENT);
    } else {
      out.publishExternal(out1).onFailure(onRejected);
    }
  }

  private void rejected(Throwable cause) {
    rejected.increment();
    long n = rejected.sum();
    if (n == 1 || Long.bitCount(n) == 1) {
      log.warn("strategy {}: {} SIGNAL publications rejected so far: {}", id(), n, cause.toString());
    }
  }

  /** The function this container runs. */
  public StrategyFunction function() {
    return function;
  }

  /** Bars received (both paths). */
  public long barsIn() {
    return barsIn.sum();
  }

  /** Bars skipped as duplicates or out of order. */
  public long barsSkipped() {
    return barsSkipped.sum();
  }

  /** INDICATOR events received (both paths). */
  public long indicatorsIn() {
    return indicatorsIn.sum();
  }

  /** INDICATOR events skipped as duplicates or out of order. */
  public long indicatorsSkipped() {
    return indicatorsSkipped.sum();
  }

  /** Signals emitted. */
  public long signalsEmitted() {
    return signalsOut.sum();
  }

  /** External SIGNAL publications the router rejected (back-pressure). */
  public long rejectedPublications() {
    return rejected.sum();
  }
}
