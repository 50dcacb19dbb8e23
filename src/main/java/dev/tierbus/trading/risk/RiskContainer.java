package dev.tierbus.trading.risk;

import dev.tierbus.container.ValidatingFactory;
import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerFactory;
import dev.tierbus.container.Emitter;
import dev.tierbus.event.Bar;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Fill;
import dev.tierbus.event.Order;
import dev.tierbus.event.RiskAlert;
import dev.tierbus.event.Signal;
import dev.tierbus.router.Subscription;
import dev.tierbus.trading.execution.PaperBroker;
import dev.tierbus.trading.support.InstanceStamps;
import dev.tierbus.trading.support.PublishFailures;
import io.vertx.core.Future;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Risk management: container type {@code risk}.
 *
 * <pre>
 *   SIGNAL (ensemble / strategy) ──┐
 *   BAR    (data: closes)        ──┼─► RiskManager ──► ORDER       ids "&lt;container id&gt;-&lt;stamp&gt;-&lt;n&gt;", market orders
 *   FILL   (execution)           ──┤               └─► RISK_ALERT  a limit reduced or refused an entry, a stop fired
 *   RISK_ALERT order_rejected ─────┘ (execution: the order is no longer pending)
 * </pre>
 *
 * <p>The decisions are {@link RiskManager}'s and the profile {@link RiskConfig}'s. It must
 * subscribe to the BARs of the symbols it trades (a signal waits for its bar's close: the
 * reference price) and to the FILLs of its orders; a start without a BAR subscription is logged
 * as a warning (bars may also come from a parent on the internal bus). It publishes ORDER and
 * RISK_ALERT on whatever tier the topology gives them (by default the reliable tier). Risk keeps
 * its own book from its fills and bars; give it the portfolio's {@code initial_capital}.
 *
 * <p>Order ids carry a stamp of the container instance ({@link InstanceStamps}), so they never
 * repeat across redeploys and restarts. A risk container that replaces another in a hot swap
 * takes over its book, pending orders and stops ({@link RiskManager#takeOver}) instead of
 * starting again from {@code initial_capital}.
 */
public final class RiskContainer extends Container {

  private static final Logger log = LoggerFactory.getLogger(RiskContainer.class);

  private final RiskConfig config;
  private final Supplier<String> stamps;
  private RiskManager manager;
  private PublishFailures failures;

  /**
   * @param stamps the stamp of this instance's order ids ({@link InstanceStamps#next} in a live
   *     node; a backtest gives a constant, so that two runs send the same ids)
   */
  public RiskContainer(RiskConfig config, Supplier<String> stamps) {
    this.config = config;
    this.stamps = stamps;
  }

  /** Factory of {@code risk}: order ids stamped with {@link InstanceStamps#next}. */
  public static ContainerFactory factory() {
    return factory(InstanceStamps::next);
  }

  /** Factory of {@code risk} whose order ids carry the stamps of {@code stamps}. */
  public static ContainerFactory factory(Supplier<String> stamps) {
    return new ValidatingFactory<>("risk", RiskConfig::read, (spec, config) -> new RiskContainer(config, stamps));
  }

  @Override
  protected Future<?> setUp() {
    if (spec().subscriptions().stream().map(Subscription::events).noneMatch(e -> e.contains(EventType.BAR))) {
      log.warn("risk {}: no subscription to BAR; a signal is acted on once its bar's close is known, so only "
          + "bars from the internal bus will let it trade", id());
    }
    failures = new PublishFailures(log, "risk " + id());
    manager = new RiskManager(config, id() + "-" + stamps.get() + "-", new RiskManager.Sink() {
      @Override
      public void order(String symbol, long timeNanos, Order order) {
        publishExternal(event(EventType.ORDER, symbol, timeNanos, order)).onFailure(failures.of(EventType.ORDER));
      }

      @Override
      public void alert(String symbol, long timeNanos, RiskAlert alert) {
        log.info("risk {}: {} {}", id(), alert.code(), alert.message());
        publishExternal(event(EventType.RISK_ALERT, symbol, timeNanos, alert))
            .onFailure(failures.of(EventType.RISK_ALERT));
      }
    });
    if (inherited() instanceof RiskManager predecessor) {
      manager.takeOver(predecessor);
      log.info("risk {}: took over the book of the container it replaces: cash {}, {} positions, {} pending orders",
          id(), predecessor.book().cash(), predecessor.book().positions().size(), predecessor.pendingOrders());
    }
    log.info("risk {}: {}sizing {}, max_position_pct {}, max_total_exposure_pct {}, allow_short {}",
        id(), config.riskProfile() == null ? "" : "profile " + config.riskProfile() + ", ", config.sizing(),
        config.maxPositionPct(), config.maxTotalExposurePct(), config.allowShort());
    addComponent("risk_manager", this::onEvent);
    return Future.succeededFuture();
  }

  private void onEvent(Event event, Emitter out) {
    switch (event.type()) {
      case SIGNAL -> {
        if (event.payload() instanceof Signal signal) {
          manager.onSignal(event.symbol(), event.timeNanos(), signal);
        }
      }
      case BAR -> {
        if (event.payload() instanceof Bar bar) {
          manager.onBar(event.symbol(), event.timeNanos(), bar);
        }
      }
      case FILL -> {
        if (event.payload() instanceof Fill fill) {
          manager.onFill(event.symbol(), event.timeNanos(), fill);
        }
      }
      case RISK_ALERT -> {
        if (event.payload() instanceof RiskAlert alert && PaperBroker.REJECTED.equals(alert.code())
            && alert.detail(RiskAlert.ORDER_ID) != null) {
          manager.onOrderRejected(alert.detail(RiskAlert.ORDER_ID));
        }
      }
      default -> {
        // not risk's business
      }
    }
  }

  /** The decision state (book, pending orders, stops) goes to the risk container that replaces this one. */
  @Override
  protected Object handOver() {
    return manager;
  }

  @Override
  protected Future<?> tearDown() {
    if (manager != null) {
      log.info("risk {}: {} signals, {} orders, {} alerts ({} repeats not raised), {} pending, halted {}", id(),
          manager.signalsIn(), manager.ordersOut(), manager.alertsOut(), manager.alertsRepeated(),
          manager.pendingOrders(), manager.halted());
    }
    return Future.succeededFuture();
  }

  public RiskConfig riskConfig() {
    return config;
  }

  /** The decision logic and its counters. */
  public RiskManager manager() {
    return manager;
  }

  /** ORDER and RISK_ALERT publications the router refused. */
  public long failedPublications() {
    return failures == null ? 0 : failures.count();
  }
}
