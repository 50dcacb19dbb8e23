package dev.tierbus.journal;

import dev.tierbus.journal.impl.ReliableTierImpl;
import dev.tierbus.router.InFlight;
import dev.tierbus.router.ReliableTierOptions;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Creates reliable tiers. */
public final class ReliableTiers {

  private ReliableTiers() {}

  /**
   * Creates a reliable tier on {@code journal} and makes its first attempt to open it: the
   * schema is created or migrated and this node's undelivered rows are queued for delivery
   * (flagged redelivered). Completes after that attempt whether or not the journal could be
   * reached — check {@link ReliableTier#status()}; an unreachable journal is retried every
   * {@code reconnect_interval_ms} and publishing fails until it is open.
   *
   * @throws IllegalArgumentException (as a failed Future) for inconsistent options
   */
  public static Future<ReliableTier> start(Vertx vertx, ReliableTierOptions options, JournalOptions journal) {
    return start(vertx, options, journal, null);
  }

  private static Future<ReliableTier> start(Vertx vertx, ReliableTierOptions options, JournalOptions journal,
      InFlight inFlight) {
    try {
      return ReliableTierImpl.start(vertx, options, journal.copy(), inFlight);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Starts a tier with the router's reliable options and installs it in {@code router}; the
   * router's subscriptions become the tier's receivers, and its deliveries count in the
   * router's {@link TieredEventRouter#inFlight()} until confirmed or dead.
   */
  public static Future<ReliableTier> install(TieredEventRouter router, JournalOptions journal) {
    return start(router.vertx(), router.options().getReliable(), journal, router.inFlight())
        .onSuccess(router::installTier);
  }
}
