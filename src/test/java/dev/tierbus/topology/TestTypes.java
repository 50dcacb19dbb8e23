package dev.tierbus.topology;

import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerFactory;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.event.Direction;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Signal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Container types for the topology tests, so they do not depend on the trading containers:
 * {@code data}, {@code indicator}, {@code strategy_ensemble} (do nothing), {@code strategy}
 * (checks {@code strategy.type}), {@code failing} (fails in setUp), {@code signal_source}
 * (publishes one SIGNAL once the system is started). The first four declare the parameters
 * the test files give them; the last two declare none.
 */
public final class TestTypes {

  private TestTypes() {}

  public static ContainerRegistry registry() {
    ContainerFactory plain = spec -> new Container() {};
    return ContainerRegistry.empty()
        .register("data", Set.of("source", "symbols", "source_file"), plain)
        .register("indicator", Set.of("indicators", "period"), plain)
        .register("strategy_ensemble", Set.of(), plain)
        .register("strategy", Set.of("strategy", "weight"), new ContainerFactory() {
          @Override
          public Container create(ContainerSpec spec) {
            return new Container() {};
          }

          @Override
          public List<String> validate(ContainerSpec spec) {
            JsonObject params = spec.params();
            List<String> problems = new ArrayList<>();
            Object strategy = params.getValue("strategy");
            if (!(strategy instanceof JsonObject s)) {
              problems.add("strategy: required, expected a map with type");
            } else if (!(s.getValue("type") instanceof String)) {
              problems.add("strategy.type: required, expected a string");
            }
            return problems;
          }
        })
        .register("failing", spec -> new Container() {
          @Override
          protected Future<?> setUp() {
            return Future.failedFuture(new IllegalStateException("cannot start " + spec.id()));
          }
        })
        .register("signal_source", spec -> new Container() {
          @Override
          protected void onSystemStarted() {
            publishExternal(event(EventType.SIGNAL, "AAPL", System.nanoTime(),
                new Signal(Direction.LONG, 1, "test", id())));
          }
        });
  }
}
