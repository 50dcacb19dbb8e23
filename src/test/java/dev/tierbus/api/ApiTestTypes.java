package dev.tierbus.api;

import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerFactory;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.event.Direction;
import dev.tierbus.event.EventType;
import dev.tierbus.event.PortfolioUpdate;
import dev.tierbus.event.Signal;
import dev.tierbus.topology.TestTypes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Container types for the API tests, on top of the topology tests' {@link TestTypes}:
 * {@code ticker} publishes a SIGNAL per symbol every {@code interval_ms} (and, with
 * {@code equity: true}, a PORTFOLIO_UPDATE around {@code equity_base}, by default 100 000; it
 * declares those parameters), {@code sink} only receives, {@code slow_sink} takes 2 ms per event,
 * {@code throwing} fails in its router handler, {@code failing_component} has a component that always throws.
 */
final class ApiTestTypes {

  private ApiTestTypes() {}

  static ContainerRegistry registry() {
    return TestTypes.registry()
        .register("sink", spec -> new Container() {})
        .register("slow_sink", spec -> new Container() {
          @Override
          protected Future<?> setUp() {
            // a slow subscriber on its worker thread, so events queue up for it
            addComponent("slow", (event, out) -> Thread.sleep(2));
            return Future.succeededFuture();
          }
        })
        .register("failing_component", spec -> new Container() {
          @Override
          protected Future<?> setUp() {
            // the container keeps running; only its component error count shows the loss
            addComponent("fails", (event, out) -> {
              throw new IllegalStateException("this component always fails");
            });
            return Future.succeededFuture();
          }
        })
        .register("throwing", spec -> new Container() {
          @Override
          protected Future<?> onExternalEvent(dev.tierbus.event.Event event) {
            throw new IllegalStateException("this handler always fails");
          }
        })
        .register("ticker", new ContainerFactory() {
          @Override
          public Container create(ContainerSpec spec) {
            return new Ticker();
          }

          @Override
          public List<String> validate(ContainerSpec spec) {
            List<String> problems = new ArrayList<>();
            Object symbols = spec.params().getValue("symbols");
            if (!(symbols instanceof JsonArray a) || a.isEmpty()) {
              problems.add("symbols: required, expected a non-empty list of symbols");
            }
            Object interval = spec.params().getValue("interval_ms");
            if (interval != null && !(interval instanceof Integer i && i >= 1)) {
              problems.add("interval_ms: expected an integer >= 1, got " + interval);
            }
            Object base = spec.params().getValue("equity_base");
            if (base != null && !(base instanceof Number n && n.doubleValue() >= 0)) {
              problems.add("equity_base: expected a number >= 0, got " + base);
            }
            return problems;
          }

          @Override
          public Optional<Set<String>> parameters() {
            return Optional.of(Set.of("symbols", "interval_ms", "equity", "equity_base"));
          }
        });
  }

  /** Publishes SIGNALs (and optionally PORTFOLIO_UPDATEs) on a timer once the system is started. */
  static final class Ticker extends Container {
    private long timer = -1;
    private long n;

    @Override
    protected void onSystemStarted() {
      JsonObject p = params();
      List<Object> symbols = p.getJsonArray("symbols").getList();
      boolean equity = p.getBoolean("equity", false);
      double base = p.getNumber("equity_base", 100_000).doubleValue();
      timer = vertx.setPeriodic(p.getInteger("interval_ms", 100), id -> {
        n++;
        for (Object s : symbols) {
          Direction d = n % 2 == 0 ? Direction.LONG : Direction.SHORT;
          publishExternal(event(EventType.SIGNAL, (String) s, System.currentTimeMillis() * 1_000_000L,
              new Signal(d, d == Direction.LONG ? 0.5 : -0.5, "tick " + n, id())));
        }
        if (equity) {
          double eq = base + 250 * Math.sin(n / 5.0) + 10 * n;
          publishExternal(event(EventType.PORTFOLIO_UPDATE, null, System.currentTimeMillis() * 1_000_000L,
              new PortfolioUpdate(eq / 2, eq, 10 * n, 0, Map.of())));
        }
      });
    }

    @Override
    protected Future<?> tearDown() {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
      return Future.succeededFuture();
    }
  }
}
