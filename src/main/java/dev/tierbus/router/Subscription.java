package dev.tierbus.router;

import dev.tierbus.event.EventType;
import dev.tierbus.event.Tier;
import java.util.Objects;
import java.util.Set;

/**
 * What a subscriber asks the router for: a value. Subscribing it makes a live subscription,
 * which its subscriber holds as a {@link SubscriptionHandle}.
 *
 * <p>The tier a matching event travels on is decided by its publisher (the event type's
 * tier, or the publication's override); {@code tier} here only documents what the subscriber
 * expects and is checked by the topology validator.
 *
 * @param subscriberId id of the subscribing container (or any unique name)
 * @param source id of the publishing container, or null for every source
 * @param events the event types wanted; must not be empty
 * @param filter further conditions, {@link Filter#NONE} for none
 * @param tier the tier the subscriber expects, or null
 */
public record Subscription(String subscriberId, String source, Set<EventType> events, Filter filter, Tier tier) {

  public Subscription {
    Objects.requireNonNull(subscriberId, "subscriberId");
    if (events == null || events.isEmpty()) {
      throw new IllegalArgumentException("events must name at least one event type");
    }
    events = Set.copyOf(events);
    filter = filter == null ? Filter.NONE : filter;
  }

  /** A subscription to event types from one source (null: any source) without filters. */
  public static Subscription of(String subscriberId, String source, EventType... events) {
    return new Subscription(subscriberId, source, Set.of(events), Filter.NONE, null);
  }

  public Subscription withFilter(Filter newFilter) {
    return new Subscription(subscriberId, source, events, newFilter, tier);
  }
}
