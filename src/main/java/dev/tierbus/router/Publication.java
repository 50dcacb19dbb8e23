package dev.tierbus.router;

import dev.tierbus.event.EventType;
import dev.tierbus.event.Tier;
import java.util.Objects;
import java.util.Set;

/**
 * What a container declares it publishes (one {@code external_events.publishes} entry).
 *
 * @param events the event types
 * @param tier the tier to use instead of each type's default, or null for the default
 * @param scope who may receive them ({@link Scope#GLOBAL} for everyone)
 * @param qos {@code best_effort} or {@code guaranteed}: with {@code guaranteed}, a standard
 *     tier publication that meets a full queue fails its Future (as always) and is also
 *     logged as an error; fast-tier publications cannot be guaranteed
 */
public record Publication(Set<EventType> events, Tier tier, Scope scope, String qos) {

  public Publication {
    if (events == null || events.isEmpty()) {
      throw new IllegalArgumentException("events must name at least one event type");
    }
    events = Set.copyOf(events);
    scope = scope == null ? Scope.GLOBAL : scope;
    qos = qos == null ? "best_effort" : qos;
    Objects.requireNonNull(events);
  }

  public static Publication of(EventType... events) {
    return new Publication(Set.of(events), null, Scope.GLOBAL, null);
  }
}
