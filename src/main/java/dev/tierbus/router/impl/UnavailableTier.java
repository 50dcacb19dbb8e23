package dev.tierbus.router.impl;

import dev.tierbus.event.Event;
import dev.tierbus.event.Tier;
import dev.tierbus.metrics.LatencySnapshot;
import dev.tierbus.metrics.TierMetricsSnapshot;
import dev.tierbus.router.DeliveryTier;
import dev.tierbus.router.Route;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Stands in for a tier that is not installed: every publish fails with a message saying so,
 * so nothing is ever reported as delivered that was not.
 */
final class UnavailableTier implements DeliveryTier {

  private final Tier tier;
  private final LongAdder rejected = new LongAdder();

  UnavailableTier(Tier tier) {
    this.tier = tier;
  }

  @Override
  public Tier tier() {
    return tier;
  }

  @Override
  public Future<Void> publish(String source, Event event, List<Route> routes) {
    rejected.increment();
    return Future.failedFuture(new IllegalStateException("the " + tier.configName()
        + " tier is not installed on this node: " + event.type() + " from " + source + " was not published"));
  }

  @Override
  public TierMetricsSnapshot metrics() {
    long refused = rejected.sum();
    return new TierMetricsSnapshot(tier.configName(), 0, refused, 0, 0, 0, refused, 0, 0, LatencySnapshot.EMPTY,
        null);
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
