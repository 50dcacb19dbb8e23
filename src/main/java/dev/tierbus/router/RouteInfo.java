package dev.tierbus.router;

import dev.tierbus.event.EventType;
import dev.tierbus.event.Tier;

/**
 * One row of the routing table: events of {@code type} from {@code publisher} reach
 * {@code subscriber} on {@code tier} when they pass {@code filter}.
 */
public record RouteInfo(EventType type, Tier tier, String publisher, String subscriber, String subscriptionId, Filter filter) {}
