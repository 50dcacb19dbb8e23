package dev.tierbus.router;

import java.util.List;

/**
 * A standard-tier publish met one or more full subscription queues.
 *
 * <p>The event was enqueued for every other matching subscriber; {@link #rejectedBy()} names
 * the ones that did not get it. The publisher decides whether to retry, slow down or drop.
 */
public final class BackPressureException extends RuntimeException {

  private final List<String> rejectedBy;

  public BackPressureException(String eventDescription, List<String> rejectedBy) {
    super("standard tier queue full: " + eventDescription + " rejected by " + rejectedBy, null, false, false);
    this.rejectedBy = List.copyOf(rejectedBy);
  }

  /** Subscriber ids whose queue was full. */
  public List<String> rejectedBy() {
    return rejectedBy;
  }
}
