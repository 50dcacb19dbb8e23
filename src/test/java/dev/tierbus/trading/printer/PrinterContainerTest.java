package dev.tierbus.trading.printer;

import static dev.tierbus.trading.TradingTestSupport.barEvent;
import static dev.tierbus.trading.TradingTestSupport.eventually;
import static dev.tierbus.trading.TradingTestSupport.shutDown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.ContainerDeployer;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.event.Direction;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Signal;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.TieredEventRouter;
import dev.tierbus.trading.TradingContainers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class PrinterContainerTest {

  @Test
  void formatsOneLinePerEvent() {
    Event e = Event.of(EventType.SIGNAL, "ens", "AAPL", 1_704_205_800_000_000_000L,
        new Signal(Direction.LONG, 0.5, "because", "ens"));
    assertThat(PrinterContainer.format(e)).isEqualTo(
        "SIGNAL ens AAPL 2024-01-02T14:30:00Z LONG strength 0.50 ens: because");
    assertThat(PrinterContainer.format(Event.of(EventType.SYSTEM, "node", null, 0, null)))
        .isEqualTo("SYSTEM node - 1970-01-01T00:00:00Z -");
  }

  @Test
  void countsEverythingAndPrintsOneOfEveryN(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    ContainerSpec spec = ContainerSpec.of("printer", TradingContainers.PRINTER)
        .withParams(new JsonObject().put("every", 3))
        .withSubscriptions(List.of(Subscription.of("printer", "data_container", EventType.BAR)));
    new ContainerDeployer(vertx, router, TradingContainers.registry()).deploy(List.of(spec))
        .compose(d -> {
          for (int i = 0; i < 7; i++) {
            router.publish(barEvent("data_container", "AAPL", i, 100 + i));
          }
          PrinterContainer p = (PrinterContainer) d.container("printer");
          return eventually(vertx, () -> p.received() == 7, 5_000, () -> "7 events, got " + p.received()).map(v -> d);
        })
        .onComplete(ctx.succeeding(d -> ctx.verify(() -> {
          PrinterContainer p = (PrinterContainer) d.container("printer");
          assertThat(p.printed()).isEqualTo(3); // 1st, 4th, 7th
          shutDown(d, router).onComplete(ctx.succeedingThenComplete());
        })));
  }
}
