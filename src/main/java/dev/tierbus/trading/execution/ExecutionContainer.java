package dev.tierbus.trading.execution;

import dev.tierbus.container.ValidatingFactory;
import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerFactory;
import dev.tierbus.container.Emitter;
import dev.tierbus.event.Bar;
import dev.tierbus.event.BarOpen;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Fill;
import dev.tierbus.event.Order;
import dev.tierbus.event.RiskAlert;
import dev.tierbus.trading.support.PublishFailures;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A paper broker: container type {@code execution}.
 *
 * <pre>
 *   ORDER (from risk) ──────────────┐
 *   BAR_OPEN, BAR (from the data) ──┴─► PaperBroker ──► FILL       (order id, side, quantity, price, commission)
 *                                                  └──► RISK_ALERT (order_rejected, with the order id)
 * </pre>
 *
 * <p>How and when orders fill is {@link PaperBroker}; the parameters are {@link ExecutionConfig}.
 * A FILL carries the order's symbol and the time of the bar it filled on. It publishes FILL and
 * RISK_ALERT on whatever tier the topology gives them (by default the reliable tier). It must
 * subscribe to the bars of the symbols it trades; BAR_OPEN is optional (without it, orders fill
 * at the open of the next BAR). Its state lives on its own context; the counters may be read
 * from any thread.
 */
public final class ExecutionContainer extends Container {

  private static final Logger log = LoggerFactory.getLogger(ExecutionContainer.class);

  private final ExecutionConfig config;
  private PaperBroker broker;
  private PublishFailures failures;

  public ExecutionContainer(ExecutionConfig config) {
    this.config = config;
  }

  /** Factory of {@code execution}. */
  public static ContainerFactory factory() {
    return new ValidatingFactory<>("execution", ExecutionConfig::read, (spec, config) -> new ExecutionContainer(config));
  }

  @Override
  protected Future<?> setUp() {
    failures = new PublishFailures(log, "execution " + id());
    broker = new PaperBroker(config, new PaperBroker.Sink() {
      @Override
      public void fill(String symbol, long timeNanos, Fill fill) {
        publishExternal(event(EventType.FILL, symbol, timeNanos, fill)).onFailure(failures.of(EventType.FILL));
      }

      @Override
      public void reject(String symbol, long timeNanos, RiskAlert alert) {
        log.info("execution {}: {}", id(), alert.message());
        publishExternal(event(EventType.RISK_ALERT, symbol, timeNanos, alert))
            .onFailure(failures.of(EventType.RISK_ALERT));
      }
    });
    if (inherited() instanceof PaperBroker predecessor) {
      broker.takeOver(predecessor);
      log.info("execution {}: took over {} working orders of the container it replaces", id(),
          predecessor.workingOrders());
    }
    addComponent("paper_broker", this::onEvent);
    return Future.succeededFuture();
  }

  private void onEvent(Event event, Emitter out) {
    switch (event.type()) {
      case ORDER -> {
        if (event.payload() instanceof Order order) {
          broker.onOrder(event.symbol(), event.timeNanos(), order);
        }
      }
      case BAR_OPEN -> {
        if (event.payload() instanceof BarOpen open) {
          broker.onBarOpen(event.symbol(), event.timeNanos(), open.open());
        }
      }
      case BAR -> {
        if (event.payload() instanceof Bar bar) {
          broker.onBar(event.symbol(), event.timeNanos(), bar);
        }
      }
      default -> {
        // not the broker's business
      }
    }
  }

  /** Working orders and the ids received go to the execution container that replaces this one. */
  @Override
  protected Object handOver() {
    return broker;
  }

  @Override
  protected Future<?> tearDown() {
    if (broker != null) {
      log.info("execution {}: {} orders ({} redeliveries ignored, {} reused ids rejected), {} fills, {} rejected, "
          + "{} still working, {} open fills outside the bar's range", id(), broker.ordersIn(), broker.duplicateOrders(),
          broker.reusedIds(), broker.fills(),
          broker.rejected(), broker.workingOrders(), broker.openFillsOutsideRange());
    }
    return Future.succeededFuture();
  }

  public ExecutionConfig executionConfig() {
    return config;
  }

  /** The broker's state (read it from the container's context, or once the events have settled). */
  public PaperBroker broker() {
    return broker;
  }

  /** FILL and RISK_ALERT publications the router refused. */
  public long failedPublications() {
    return failures == null ? 0 : failures.count();
  }
}
