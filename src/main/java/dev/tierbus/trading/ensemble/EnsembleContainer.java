package dev.tierbus.trading.ensemble;

import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerFactory;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.container.Emitter;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventIds;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Signal;
import dev.tierbus.router.Scope;
import dev.tierbus.trading.strategy.StrategyContainer;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs several strategies as one: container type {@code strategy_ensemble}.
 *
 * <pre>
 *   router ── BAR / INDICATOR ──► ensemble ── internal bus (CHILDREN) ──► strategy, strategy, ...
 *                                    ▲                                          │
 *                                    └──────── SIGNAL (internal bus, PARENT) ◄──┘
 *                                    │ SignalAggregator: per (symbol, timeframe, bar time), collect_and_aggregate
 *   router ◄── SIGNAL (strategy = ensemble id, reason = the contributions) ──┘
 * </pre>
 *
 * <p>Its children are its {@code sub_containers}. Every BAR and INDICATOR it receives (from
 * its subscriptions or from its own parent) is forwarded to all of them by reference; every
 * SIGNAL from a child goes to the {@link SignalAggregator}; SIGNALs from anyone else are
 * ignored and counted. How signals are combined is {@link EnsembleConfig} (the spec's
 * {@code internal_events}). The aggregated SIGNAL is published with {@code publishExternal}
 * at the bar's symbol and time, with the timeframe header of its members' signals.
 *
 * <p>Its settings are checked from the whole spec (children, internal_events) by the
 * factory's {@code validate}, before anything deploys, and again in {@code create}.
 */
public final class EnsembleContainer extends Container {

  private static final Logger log = LoggerFactory.getLogger(EnsembleContainer.class);

  private final EnsembleConfig config;
  private final LongAdder forwarded = new LongAdder();
  private final LongAdder foreignSignals = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final Handler<Throwable> onRejected = this::rejected;
  private SignalAggregator aggregator;

  public EnsembleContainer(EnsembleConfig config) {
    this.config = config;
  }

  /** Factory of {@code strategy_ensemble}. */
  public static ContainerFactory factory() {
    return new ContainerFactory() {
      @Override
      public Container create(ContainerSpec spec) {
        List<String> problems = new ArrayList<>();
        EnsembleConfig config = EnsembleConfig.read(spec, problems);
        if (!problems.isEmpty()) {
          throw new IllegalArgumentException("container '" + spec.id() + "' (strategy_ensemble) is not valid: "
              + String.join("; ", problems));
        }
        return new EnsembleContainer(config);
      }

      /** The ensemble's settings are its internal_events and its children. */
      @Override
      public List<String> validate(ContainerSpec spec) {
        return EnsembleConfig.problems(spec);
      }

      /** None: every key of an ensemble's entry besides the structural ones is refused. */
      @Override
      public Optional<Set<String>> parameters() {
        return Optional.of(Set.of());
      }
    };
  }

  @Override
  protected Future<?> setUp() {
    // an open group's timer is work in flight: a simulated clock waits for it like for an event
    aggregator = new SignalAggregator(id(), config, new SignalAggregator.Timers() {
      @Override
      public long schedule(long delayMs, Runnable task) {
        router().inFlight().begin(1);
        return vertx.setTimer(delayMs, timerId -> {
          try {
            task.run();
          } finally {
            router().inFlight().end(1);
          }
        });
      }

      @Override
      public void cancel(long timerId) {
        if (vertx.cancelTimer(timerId)) {
          router().inFlight().end(1);
        }
      }
    }, this::publish);
    addComponent("ensemble", this::onEvent);
    log.debug("ensemble {}: {}", id(), config);
    return Future.succeededFuture();
  }

  private void onEvent(Event event, Emitter out) {
    switch (event.type()) {
      case BAR, INDICATOR -> {
        if (config.indexOf(event.source()) < 0) {
          forwarded.increment();
          out.publishInternal(event, Scope.CHILDREN);
        }
      }
      case SIGNAL -> {
        if (config.indexOf(event.source()) >= 0 && event.payload() instanceof Signal signal) {
          aggregator.onSignal(event.source(), event.symbol(), event.headers().get(StrategyContainer.TIMEFRAME_HEADER),
              event.timeNanos(), signal);
        } else {
          foreignSignals.increment();
        }
      }
      default -> {
        // other types are not the ensemble's business
      }
    }
  }

  private void publish(SignalAggregator.Result result) {
    Map<String, String> headers = result.timeframe() == null
        ? Map.of() : Map.of(StrategyContainer.TIMEFRAME_HEADER, result.timeframe());
    Event event = new Event(EventIds.next(), EventType.SIGNAL, id(), result.symbol(), result.timeNanos(),
        result.signal(), headers);
    publishExternal(event).onFailure(onRejected);
  }

  private void rejected(Throwable cause) {
    rejected.increment();
    long n = rejected.sum();
    if (n == 1 || Long.bitCount(n) == 1) {
      log.warn("ensemble {}: {} SIGNAL publications rejected so far: {}", id(), n, cause.toString());
    }
  }

  @Override
  protected Future<?> tearDown() {
    if (aggregator != null) {
      aggregator.close();
      log.info("ensemble {}: {} groups aggregated ({} partial), {} incomplete, {} late signals",
          id(), aggregator.aggregated(), aggregator.partial(), aggregator.incomplete(), aggregator.late());
    }
    return Future.succeededFuture();
  }

  public EnsembleConfig ensembleConfig() {
    return config;
  }

  /** Groups aggregated and published. */
  public long groupsAggregated() {
    return aggregator == null ? 0 : aggregator.aggregated();
  }

  /** Groups aggregated from part of the members (require_all_signals false). */
  public long groupsPartial() {
    return aggregator == null ? 0 : aggregator.partial();
  }

  /** Groups dropped because not every member reported in time (require_all_signals true). */
  public long groupsIncomplete() {
    return aggregator == null ? 0 : aggregator.incomplete();
  }

  /** Member signals that arrived after their group was closed. */
  public long lateSignals() {
    return aggregator == null ? 0 : aggregator.late();
  }

  /** BAR and INDICATOR events forwarded to the children. */
  public long eventsForwarded() {
    return forwarded.sum();
  }

  /** SIGNALs received from containers that are not members (ignored). */
  public long foreignSignals() {
    return foreignSignals.sum();
  }

  /** External SIGNAL publications the router rejected (back-pressure). */
  public long rejectedPublications() {
    return rejected.sum();
  }
}
