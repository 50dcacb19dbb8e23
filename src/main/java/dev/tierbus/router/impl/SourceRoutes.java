package dev.tierbus.router.impl;

import dev.tierbus.event.EventType;
import dev.tierbus.event.Tier;

/**
 * Where the events of one source go, as of one routing-table version: built on the first
 * publish after a change, then read without locks.
 *
 * <p>The arrays are this snapshot's own and never change; callers only read them (no copy on
 * the publish path).
 *
 * @param version the routing-table version this snapshot was built from
 * @param fastTargets the fast inboxes of the subscriptions that take at least one type from here
 * @param fastDenied for each of {@code fastTargets}, the types it wants that this source's
 *     publication scopes keep from it (a {@link TypeMask}; almost always 0)
 * @param routesByType per event type code, the subscriptions that take that type from here
 * @param standardByType per event type code, the standard inboxes of those subscriptions
 * @param tierByType per event type code, the tier events of that type from here travel on
 */
record SourceRoutes(long version, FastInbox[] fastTargets, long[] fastDenied, RouteImpl[][] routesByType,
                    StandardInbox[][] standardByType, Tier[] tierByType) {

  static final RouteImpl[] NO_ROUTES = new RouteImpl[0];
  static final StandardInbox[] NO_INBOXES = new StandardInbox[0];
  static final FastInbox[] NO_FAST_INBOXES = new FastInbox[0];

  /** The tier events of {@code type} from this source travel on. */
  Tier tierOf(EventType type) {
    return tierByType[type.code()];
  }

  /** The subscriptions that take {@code type} from this source. */
  RouteImpl[] routes(EventType type) {
    return routesByType[type.code()];
  }

  /** The standard inboxes of {@link #routes}{@code (type)}, in the same order. */
  StandardInbox[] standardInboxes(EventType type) {
    return standardByType[type.code()];
  }
}
