package dev.tierbus.trading.support;

import dev.tierbus.event.EventType;
import io.vertx.core.Handler;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;

/**
 * Counts a container's failed external publications and logs them without flooding: the 1st,
 * 2nd, 4th, 8th, ... failure is logged at WARN with the container, the event type and the cause.
 *
 * <p>A publication fails when the router refuses it (back-pressure on the standard tier, no
 * reliable tier installed, a tier closed on shutdown); the event is then not delivered, which the
 * count makes visible. Thread-safe.
 */
public final class PublishFailures {

  private final Logger log;
  private final String containerId;
  private final LongAdder count = new LongAdder();

  public PublishFailures(Logger log, String containerId) {
    this.log = log;
    this.containerId = containerId;
  }

  /** A handler for the failure of a publication of {@code type}. */
  public Handler<Throwable> of(EventType type) {
    return cause -> failed(type, cause);
  }

  /** Records a failed publication of {@code type}. */
  public void failed(EventType type, Throwable cause) {
    count.increment();
    long n = count.sum();
    if (Long.bitCount(n) == 1) {
      log.warn("{}: {} publication failed ({} failed so far): {}", containerId, type, n, cause.toString());
    }
  }

  /** Failed publications so far. */
  public long count() {
    return count.sum();
  }
}
