package dev.tierbus.trading.printer;

import dev.tierbus.container.ValidatingFactory;
import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerFactory;
import dev.tierbus.container.Emitter;
import dev.tierbus.event.Event;
import io.vertx.core.Future;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the events it receives, one line each: container type {@code printer}.
 *
 * <p>What it receives is up to its subscriptions. A line reads
 * {@code <type> <source> <symbol> <ISO time> <payload>} and goes to the logger
 * {@code dev.tierbus.trading.printer.PrinterContainer} at INFO, prefixed with the printer's id.
 * With {@code every: N} only the 1st, (N+1)-th, ... event is logged, so a fast feed does not
 * flood the console; every event is counted.
 */
public final class PrinterContainer extends Container {

  private static final Logger log = LoggerFactory.getLogger(PrinterContainer.class);

  private final long every;
  private final LongAdder received = new LongAdder();
  private final LongAdder printed = new LongAdder();
  private long untilNext;

  public PrinterContainer(PrinterConfig config) {
    this.every = config.every();
  }

  /** Factory of {@code printer}. */
  public static ContainerFactory factory() {
    return new ValidatingFactory<>("printer", PrinterConfig::read, (spec, config) -> new PrinterContainer(config));
  }

  @Override
  protected Future<?> setUp() {
    addComponent("printer", this::onEvent);
    return Future.succeededFuture();
  }

  private void onEvent(Event event, Emitter out) {
    received.increment();
    if (untilNext > 0) {
      untilNext--;
      return;
    }
    untilNext = every - 1;
    printed.increment();
    if (log.isInfoEnabled()) {
      log.info("[{}] {}", id(), format(event));
    }
  }

  /** The one-line form of an event: {@code type source symbol time what} ({@link EventText}). */
  public static String format(Event event) {
    return EventText.format(event);
  }

  /** Events received. */
  public long received() {
    return received.sum();
  }

  /** Events logged. */
  public long printed() {
    return printed.sum();
  }
}
