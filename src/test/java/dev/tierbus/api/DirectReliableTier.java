package dev.tierbus.api;

import dev.tierbus.event.Event;
import dev.tierbus.event.Tier;
import dev.tierbus.metrics.LatencySnapshot;
import dev.tierbus.metrics.TierMetricsSnapshot;
import dev.tierbus.router.DeliveryTier;
import dev.tierbus.router.Route;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A reliable-tier stand-in for tests of subscribers: it journals nothing and retries nothing,
 * it only hands each event to every route and counts a delivery as confirmed when the
 * subscriber's handler returned ({@link Route#deliver}), failed when it threw. It shows what a
 * subscriber does on the reliable tier's seam, nothing about durability.
 */
final class DirectReliableTier implements DeliveryTier {

  final AtomicLong confirmed = new AtomicLong();
  final AtomicLong failed = new AtomicLong();

  @Override
  public Tier tier() {
    return Tier.RELIABLE;
  }

  @Override
  public Future<Void> publish(String source, Event event, List<Route> routes) {
    List<Future<Void>> all = new ArrayList<>();
    for (Route r : routes) {
      all.add(r.deliver(event).onSuccess(v -> confirmed.incrementAndGet()).onFailure(e -> failed.incrementAndGet()));
    }
    return Future.succeededFuture();
  }

  @Override
  public TierMetricsSnapshot metrics() {
    return new TierMetricsSnapshot("reliable", 0, confirmed.get(), 0, 0, failed.get(), 0, LatencySnapshot.EMPTY);
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
