package dev.tierbus.trading.indicator;

import static dev.tierbus.trading.TradingTestSupport.barEvent;
import static dev.tierbus.trading.TradingTestSupport.eventually;
import static dev.tierbus.trading.TradingTestSupport.sleep;
import static dev.tierbus.trading.TradingTestSupport.shutDown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tierbus.container.ContainerDeployer;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.IndicatorValue;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.TieredEventRouter;
import dev.tierbus.trading.TradingContainers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class IndicatorContainerTest {

  @Test
  void publishesOneValuePerIndicatorAndBarAfterWarmUp(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    List<Event> got = new CopyOnWriteArrayList<>();
    ContainerSpec spec = ContainerSpec.of("ind", TradingContainers.INDICATOR)
        .withParams(new JsonObject().put("indicators", new JsonArray()
            .add(new JsonObject().put("type", "SMA").put("period", 3))
            .add(new JsonObject().put("type", "RSI").put("period", 3))))
        .withSubscriptions(List.of(Subscription.of("ind", "data_container", EventType.BAR)));
    router.subscribe(Subscription.of("probe", "ind", EventType.INDICATOR), got::add)
        .compose(h -> new ContainerDeployer(vertx, router, TradingContainers.registry()).deploy(List.of(spec)))
        .compose(d -> {
          for (int i = 0; i < 10; i++) {
            router.publish(barEvent("data_container", "AAPL", i, 10 + i));
          }
          router.publish(barEvent("data_container", "AAPL", 4, 99)); // duplicate of bar 4: skipped
          return eventually(vertx, () -> got.size() >= 8 + 7, 5_000, () -> "15 INDICATOR events, got " + got)
              .compose(v -> sleep(vertx, 100))
              .map(v -> d);
        })
        .onComplete(ctx.succeeding(d -> ctx.verify(() -> {
          List<Event> sma = got.stream().filter(e -> e.payloadAs(IndicatorValue.class).name().equals("SMA")).toList();
          List<Event> rsi = got.stream().filter(e -> e.payloadAs(IndicatorValue.class).name().equals("RSI")).toList();
          assertThat(sma).hasSize(8); // bars 2..9
          assertThat(rsi).hasSize(7); // bars 3..9
          Event first = sma.get(0);
          assertThat(first.symbol()).isEqualTo("AAPL");
          assertThat(first.timeNanos()).isEqualTo(barEvent("x", "AAPL", 2, 0).timeNanos());
          IndicatorValue v = first.payloadAs(IndicatorValue.class);
          assertThat(v.value("value")).isCloseTo(11.0, within(1e-9));
          assertThat(v.params()).containsEntry("period", 3.0);
          assertThat(v.timeframe()).isEqualTo("1min");
          assertThat(rsi.get(0).payloadAs(IndicatorValue.class).value("value")).isEqualTo(100.0);
          IndicatorContainer c = (IndicatorContainer) d.container("ind");
          assertThat(c.barsIn()).isEqualTo(11);
          assertThat(c.barsSkipped()).isEqualTo(1);
          assertThat(c.valuesPublished()).isEqualTo(15);
          shutDown(d, router).onComplete(ctx.succeedingThenComplete());
        })));
  }
}
