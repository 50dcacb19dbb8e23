package dev.tierbus.router;

import dev.tierbus.event.EventType;
import dev.tierbus.event.Tier;

/**
 * One row of the routing table ({@link TieredEventRouter#routes()}), a value: events of
 * {@code type} from {@code publisher} reach the subscription {@code subscriptionId} of
 * {@code subscriber} on {@code tier} when they pass {@code filter}.
 */
public record RouteInfo(EventType type, Tier tier, String publisher, String subscriber, String subscriptionId, Filter filter) {}
