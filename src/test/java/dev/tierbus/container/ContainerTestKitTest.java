package dev.tierbus.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Bar;
import dev.tierbus.event.Direction;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Signal;
import dev.tierbus.router.Filter;
import dev.tierbus.router.Scope;
import dev.tierbus.router.Subscription;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ContainerTestKitTest {

  /** Emits LONG when a bar closes above its open, SHORT otherwise; one signal per bar. */
  static final class UpDownStrategy extends Container {
    final List<Boolean> onEventLoop = new CopyOnWriteArrayList<>();

    @Override
    protected Future<?> setUp() {
      addComponent("updown", (e, out) -> {
        onEventLoop.add(Context.isOnEventLoopThread());
        if (e.payload() instanceof Bar b) {
          Direction d = b.close() > b.open() ? Direction.LONG : Direction.SHORT;
          out.publishExternal(out.event(EventType.SIGNAL, e.symbol(), e.timeNanos(),
              new Signal(d, d == Direction.LONG ? 1 : -1, "close vs open", out.containerId())));
          out.publishInternal(out.event(EventType.SIGNAL, e.symbol(), e.timeNanos(), null), Scope.PARENT);
        }
      });
      return io.vertx.core.Future.succeededFuture();
    }
  }

  @Test
  void injectedBarsComeOutAsSignals(Vertx vertx, VertxTestContext ctx) {
    UpDownStrategy strategy = new UpDownStrategy();
    ContainerRegistry registry = ContainerRegistry.empty().register("updown", s -> strategy);
    ContainerTestKit kit = ContainerTestKit.create(vertx, registry);
    ContainerSpec spec = ContainerSpec.of("updown_1", "updown").withSubscriptions(List.of(
        new Subscription("updown_1", "data_container", Set.of(EventType.BAR), Filter.symbols("AAPL"), null)));
    kit.deploy(spec)
        .compose(c -> {
          kit.inject(Event.of(EventType.BAR, "data_container", "AAPL", 1, new Bar("1min", 10, 12, 9, 11, 100)));
          kit.inject(Event.of(EventType.BAR, "data_container", "MSFT", 2, new Bar("1min", 10, 12, 9, 11, 100)));
          kit.inject(Event.of(EventType.BAR, "data_container", "AAPL", 3, new Bar("1min", 11, 12, 9, 10, 100)));
          return kit.awaitPublished(EventType.SIGNAL, 2, Duration.ofSeconds(5));
        })
        .compose(signals -> kit.awaitPublishedInternally(2, Duration.ofSeconds(5)).map(internal -> {
          ctx.verify(() -> {
            assertThat(signals).extracting(e -> ((Signal) e.payload()).direction())
                .containsExactly(Direction.LONG, Direction.SHORT);
            assertThat(signals).extracting(Event::source).containsOnly("updown_1");
            assertThat(signals).extracting(Event::timeNanos).containsExactly(1L, 3L);
            assertThat(internal).hasSize(2);
            // a worker container: its components never run on an event loop
            assertThat(strategy.onEventLoop).containsOnly(false);
          });
          return null;
        }))
        .compose(v -> kit.close())
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void awaitFailsWithWhatArrivedOnTimeout(Vertx vertx, VertxTestContext ctx) {
    ContainerRegistry registry = ContainerRegistry.empty().register("quiet", s -> new Container() {});
    ContainerTestKit kit = ContainerTestKit.create(vertx, registry);
    kit.deploy(ContainerSpec.of("q", "quiet"))
        .compose(c -> kit.awaitPublished(EventType.SIGNAL, 1, Duration.ofMillis(100)))
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertThat(e).hasMessageContaining("expected 1 events").hasMessageContaining("got 0");
          ctx.completeNow();
        })));
  }
}
