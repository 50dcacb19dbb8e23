package dev.tierbus.router.impl;

import dev.tierbus.event.Tier;

/**
 * Where the events of one source go, as of one routing-table version: built on the first
 * publish after a change, then read without locks.
 */
final class SourceRoutes {

  static final Endpoint[] NONE = new Endpoint[0];

  final long version;
  /** Subscriptions that take at least one event type from this source (fast tier). */
  final Endpoint[] fastTargets;
  /** For each of {@link #fastTargets}, the event types it may receive from this source. */
  final long[] fastMasks;
  /** Per event type code: the subscriptions that take that type from this source. */
  final Endpoint[][] byType;
  /** Per event type code: the tier events of that type from this source travel on. */
  final Tier[] tierByType;

  SourceRoutes(long version, Endpoint[] fastTargets, long[] fastMasks, Endpoint[][] byType, Tier[] tierByType) {
    this.version = version;
    this.fastTargets = fastTargets;
    this.fastMasks = fastMasks;
    this.byType = byType;
    this.tierByType = tierByType;
  }

  /** The event types {@code endpoint} may receive from this source; 0 when none. */
  long maskOf(Endpoint endpoint) {
    for (int i = 0; i < fastTargets.length; i++) {
      if (fastTargets[i] == endpoint) {
        return fastMasks[i];
      }
    }
    return 0;
  }
}
