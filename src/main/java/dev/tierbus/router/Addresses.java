package dev.tierbus.router;

/**
 * The one place that builds tierbus event-bus addresses.
 *
 * <pre>
 *   tierbus.fast.sub.&lt;subscriptionId&gt;     fast-tier batches for one subscription
 *   tierbus.container.&lt;id&gt;.internal        a container's internal (direct) bus
 *   tierbus.reliable.in.&lt;subscriberId&gt;    reliable-tier delivery requests for one subscriber
 * </pre>
 *
 * Addresses are built once per subscription or container and kept, never per message.
 */
public final class Addresses {

  private static final String FAST_PREFIX = "tierbus.fast.sub.";
  private static final String CONTAINER_PREFIX = "tierbus.container.";
  private static final String RELIABLE_PREFIX = "tierbus.reliable.in.";

  private Addresses() {}

  /** Where the fast tier sends batches for one subscription. */
  public static String fastSubscription(String subscriptionId) {
    return FAST_PREFIX + subscriptionId;
  }

  /** The internal bus address of a container. */
  public static String containerInternal(String containerId) {
    return CONTAINER_PREFIX + containerId + ".internal";
  }

  /** Where the reliable tier sends delivery requests for one subscriber (container id). */
  public static String reliableSubscriber(String subscriberId) {
    return RELIABLE_PREFIX + subscriberId;
  }
}
