package dev.tierbus.router;

import java.util.List;

/**
 * A publish met a full queue: a standard-tier subscription queue, or the reliable tier's bound
 * on deliveries not yet confirmed.
 *
 * <p>Standard tier: the event was enqueued for every other matching subscriber;
 * {@link #rejectedBy()} names the ones that did not get it. Reliable tier: nothing was
 * journalled. The publisher decides whether to retry, slow down or drop.
 */
public final class BackPressureException extends RuntimeException {

  private final List<String> rejectedBy;

  /** A standard-tier refusal of {@code eventDescription} by the named subscribers. */
  public BackPressureException(String eventDescription, List<String> rejectedBy) {
    this(rejectedBy, "standard tier queue full: " + eventDescription + " rejected by " + rejectedBy);
  }

  private BackPressureException(List<String> rejectedBy, String message) {
    super(message, null, false, false);
    this.rejectedBy = List.copyOf(rejectedBy);
  }

  /** A refusal with its own message, e.g. the reliable tier's bound on unconfirmed deliveries. */
  public static BackPressureException withMessage(String message, List<String> rejectedBy) {
    return new BackPressureException(rejectedBy, message);
  }

  /** Subscriber ids whose queue was full. */
  public List<String> rejectedBy() {
    return rejectedBy;
  }
}
