package dev.tierbus.container;

import dev.tierbus.testing.Conditions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.Scope;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class InternalBusTest {

  /** Records the internal events each container receives, by container id. */
  static final class Recorder extends Container {
    final Map<String, List<Event>> log;

    Recorder(Map<String, List<Event>> log) {
      this.log = log;
    }

    @Override
    protected void onInternalEvent(Event event) {
      log.computeIfAbsent(id(), k -> new CopyOnWriteArrayList<>()).add(event);
    }
  }

  private static ContainerSpec spec(String id, ContainerSpec... children) {
    return ContainerSpec.of(id, "recorder").withChildren(List.of(children));
  }

  @Test
  void internalPublishReachesExactlyItsScope(Vertx vertx, VertxTestContext ctx) {
    Map<String, List<Event>> log = new ConcurrentHashMap<>();
    ContainerRegistry registry = ContainerRegistry.empty().register("recorder", s -> new Recorder(log));
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    //   root ─┬─ a ── a1
    //         ├─ b
    //         └─ c
    // other (top level)
    ContainerSpec tree = spec("root", spec("a", spec("a1")), spec("b"), spec("c"));
    new ContainerDeployer(vertx, router, registry).deploy(List.of(tree, spec("other")))
        .onComplete(ctx.succeeding(d -> {
          Container a = d.container("a");
          Event toChildren = a.event(EventType.SIGNAL, "AAPL", 1, null);
          Event toParent = a.event(EventType.SIGNAL, "AAPL", 2, null);
          Event toSiblings = a.event(EventType.SIGNAL, "AAPL", 3, null);
          a.publishInternal(toChildren, Scope.CHILDREN);
          a.publishInternal(toParent, Scope.PARENT);
          a.publishInternal(toSiblings, Scope.SIBLINGS);
          Conditions.eventually(vertx, () -> log.containsKey("a1") && log.containsKey("root") && log.containsKey("b") && log.containsKey("c")).onComplete(ctx.succeeding(settled -> ctx.verify(() -> {
            assertThat(log.get("a1")).containsExactly(toChildren);
            assertThat(log.get("root")).containsExactly(toParent);
            assertThat(log.get("b")).containsExactly(toSiblings);
            assertThat(log.get("c")).containsExactly(toSiblings);
            assertThat(log).doesNotContainKeys("a", "other");
            // by reference: the very instance that was published
            assertThat(log.get("b").get(0)).isSameAs(toSiblings);
            assertThat(a.eventsOut()).isEqualTo(4);
            assertThat(d.container("c").eventsIn()).isEqualTo(1);
            d.undeploy().onComplete(ctx.succeedingThenComplete());
          })));
        }));
  }

  @Test
  void componentsCallEachOtherDirectly(Vertx vertx, VertxTestContext ctx) {
    List<String> calls = new CopyOnWriteArrayList<>();
    ContainerRegistry registry = ContainerRegistry.empty().register("pipeline", s -> new Container() {
      @Override
      protected io.vertx.core.Future<?> setUp() {
        addComponent("strategy", (e, out) -> {
          calls.add("strategy:" + e.timeNanos() + "@" + Thread.currentThread().getName());
          if (e.timeNanos() == 1) {
            out.emit(out.event(EventType.SIGNAL, e.symbol(), 2, null));
            calls.add("strategy:after-emit");
          }
        });
        addComponent("risk", (e, out) -> calls.add("risk:" + e.timeNanos() + "@" + Thread.currentThread().getName()));
        return io.vertx.core.Future.succeededFuture();
      }
    });
    ContainerTestKit kit = ContainerTestKit.create(vertx, registry);
    kit.deploy(ContainerSpec.of("p", "pipeline"))
        .onComplete(ctx.succeeding(c -> {
          kit.injectInternal(Event.of(EventType.BAR, "test-kit", "AAPL", 1, null));
          Conditions.eventually(vertx, () -> calls.size() >= 4).onComplete(ctx.succeeding(settled -> ctx.verify(() -> {
            // emit is a direct call: risk sees the signal before strategy's emit returns,
            // and strategy does not get its own emission back
            assertThat(calls).hasSize(4);
            assertThat(calls.get(0)).startsWith("strategy:1@");
            assertThat(calls.get(1)).startsWith("risk:2@");
            assertThat(calls.get(2)).isEqualTo("strategy:after-emit");
            assertThat(calls.get(3)).startsWith("risk:1@");
            String thread = calls.get(0).substring(calls.get(0).indexOf('@'));
            assertThat(calls.get(1)).endsWith(thread);
            kit.close().onComplete(ctx.succeedingThenComplete());
          })));
        }));
  }

  @Test
  void aFailingComponentDoesNotStopTheOthers(Vertx vertx, VertxTestContext ctx) {
    List<Long> seen = new CopyOnWriteArrayList<>();
    ContainerRegistry registry = ContainerRegistry.empty().register("c", s -> new Container() {
      @Override
      protected io.vertx.core.Future<?> setUp() {
        addComponent("bad", (e, out) -> {
          throw new IllegalStateException("bad component");
        });
        addComponent("good", (e, out) -> seen.add(e.timeNanos()));
        return io.vertx.core.Future.succeededFuture();
      }
    });
    ContainerTestKit kit = ContainerTestKit.create(vertx, registry);
    kit.deploy(ContainerSpec.of("c1", "c")).onComplete(ctx.succeeding(c -> {
      kit.injectInternal(Event.of(EventType.BAR, "test-kit", "AAPL", 1, null));
      kit.injectInternal(Event.of(EventType.BAR, "test-kit", "AAPL", 2, null));
      Conditions.eventually(vertx, () -> seen.size() >= 2).onComplete(ctx.succeeding(settled -> ctx.verify(() -> {
        assertThat(seen).containsExactly(1L, 2L);
        assertThat(c.componentErrors()).isEqualTo(2);
        kit.close().onComplete(ctx.succeedingThenComplete());
      })));
    }));
  }
}
