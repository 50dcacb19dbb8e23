package dev.tierbus.router;

import dev.tierbus.testing.Conditions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Direction;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Signal;
import dev.tierbus.event.Tier;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class RoutingTest {

  private static Event signal(String source) {
    return Event.of(EventType.SIGNAL, source, "AAPL", 1, new Signal(Direction.LONG, 1, "t", source));
  }

  @Test
  void tierComesFromTypeThenNodeThenPublication(Vertx vertx) {
    RouterOptions options = new RouterOptions().setTier(EventType.INDICATOR, Tier.FAST);
    TieredEventRouter router = TieredEventRouter.create(vertx, options);
    router.registerContainer("strat", null,
        List.of(new Publication(Set.of(EventType.SIGNAL), Tier.FAST, Scope.GLOBAL, null)));
    assertThat(router.tierOf("data", EventType.BAR)).isEqualTo(Tier.FAST);
    assertThat(router.tierOf("data", EventType.SIGNAL)).isEqualTo(Tier.STANDARD);
    assertThat(router.tierOf("data", EventType.ORDER)).isEqualTo(Tier.RELIABLE);
    assertThat(router.tierOf("data", EventType.INDICATOR)).isEqualTo(Tier.FAST);
    assertThat(router.tierOf("strat", EventType.SIGNAL)).isEqualTo(Tier.FAST);
  }

  @Test
  void publicationScopeNarrowsTheAudience(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    // ensemble ─┬─ s1 (publishes SIGNAL to PARENT)
    //           └─ s2 (publishes SIGNAL to SIBLINGS)
    // risk (top level, subscribes to every SIGNAL)
    router.registerContainer("ensemble", null, List.of());
    router.registerContainer("s1", "ensemble", List.of(new Publication(Set.of(EventType.SIGNAL), null, Scope.PARENT, null)));
    router.registerContainer("s2", "ensemble", List.of(new Publication(Set.of(EventType.SIGNAL), null, Scope.SIBLINGS, null)));
    router.registerContainer("risk", null, List.of());
    List<String> ensembleGot = new CopyOnWriteArrayList<>();
    List<String> s1Got = new CopyOnWriteArrayList<>();
    List<String> s2Got = new CopyOnWriteArrayList<>();
    List<String> riskGot = new CopyOnWriteArrayList<>();
    Future.all(
            router.subscribe(Subscription.of("ensemble", null, EventType.SIGNAL), e -> ensembleGot.add(e.source())),
            router.subscribe(Subscription.of("s1", null, EventType.SIGNAL), e -> s1Got.add(e.source())),
            router.subscribe(Subscription.of("s2", null, EventType.SIGNAL), e -> s2Got.add(e.source())),
            router.subscribe(Subscription.of("risk", null, EventType.SIGNAL), e -> riskGot.add(e.source())))
        .onComplete(ctx.succeeding(v -> {
          router.publish(signal("s1"));
          router.publish(signal("s2"));
          router.publish(signal("risk"));
          Conditions.eventually(vertx, () -> ensembleGot.size() >= 2 && s1Got.size() >= 2 && s2Got.size() >= 1).onComplete(ctx.succeeding(settled -> ctx.verify(() -> {
            assertThat(ensembleGot).containsExactlyInAnyOrder("s1", "risk");
            assertThat(s1Got).containsExactlyInAnyOrder("s2", "risk");
            assertThat(s2Got).containsExactly("risk");
            assertThat(riskGot).isEmpty();
            assertThat(router.routes())
                .filteredOn(r -> r.publisher().equals("s1"))
                .extracting(RouteInfo::subscriber)
                .containsExactly("ensemble");
            ctx.completeNow();
          })));
        }));
  }

  @Test
  void aPublicationCanMoveATypeToTheFastTier(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    router.registerContainer("strat", null, List.of(new Publication(Set.of(EventType.SIGNAL), Tier.FAST, Scope.GLOBAL, null)));
    List<Event> got = new CopyOnWriteArrayList<>();
    router.subscribe(Subscription.of("risk", "strat", EventType.SIGNAL), got::add)
        .onComplete(ctx.succeeding(h -> {
          router.publish(signal("strat"));
          Conditions.eventually(vertx, () -> got.size() >= 1).onComplete(ctx.succeeding(settled -> ctx.verify(() -> {
            assertThat(got).hasSize(1);
            assertThat(router.metrics().fast().delivered()).isEqualTo(1);
            assertThat(router.metrics().standard().published()).isZero();
            ctx.completeNow();
          })));
        }));
  }

  @Test
  void reliableEventsFailClearlyWhileNoReliableTierIsInstalled(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    router.publish(Event.of(EventType.ORDER, "risk", "AAPL", 1, null))
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertThat(e).hasMessageContaining("reliable tier is not installed");
          ctx.completeNow();
        })));
  }
}
