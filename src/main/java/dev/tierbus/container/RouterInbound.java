package dev.tierbus.container;

import dev.tierbus.event.Event;
import dev.tierbus.router.AsyncEventHandler;
import io.vertx.core.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * How the router hands a container its events: the fast and standard tiers call
 * {@link #handle} (failures are the components' to count), the reliable tier calls
 * {@link #handleAsync} and confirms the delivery when the returned Future succeeds.
 */
final class RouterInbound implements AsyncEventHandler {

  private final LongAdder eventsIn;
  private final ReliableHandling reliable;
  private final Function<Event, Future<?>> receiver;

  /**
   * @param receiver the container's handling of an external event, returning when its
   *     effects are done
   */
  RouterInbound(LongAdder eventsIn, ReliableHandling reliable, Function<Event, Future<?>> receiver) {
    this.eventsIn = eventsIn;
    this.reliable = reliable;
    this.receiver = receiver;
  }

  @Override
  public void handle(Event event) {
    eventsIn.increment();
    receiver.apply(event);
  }

  @Override
  public Future<?> handleAsync(Event event) {
    eventsIn.increment();
    reliable.enter();
    try {
      return receiver.apply(event);
    } finally {
      reliable.exit();
    }
  }
}
