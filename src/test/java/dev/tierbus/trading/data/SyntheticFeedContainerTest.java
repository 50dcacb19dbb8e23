package dev.tierbus.trading.data;

import static dev.tierbus.trading.TradingTestSupport.eventually;
import static dev.tierbus.trading.TradingTestSupport.sleep;
import static dev.tierbus.trading.TradingTestSupport.shutDown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.ContainerDeployer;
import dev.tierbus.container.ContainerDeployer.ContainerDeployment;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.event.Bar;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Tick;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.TieredEventRouter;
import dev.tierbus.trading.TradingContainers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class SyntheticFeedContainerTest {

  private static ContainerSpec feed(String id, long seed, long maxBars, long intervalMs) {
    return ContainerSpec.of(id, TradingContainers.SYNTHETIC_FEED).withParams(new JsonObject()
        .put("symbols", new JsonArray().add("AAPL").add("MSFT"))
        .put("seed", seed).put("max_bars", maxBars).put("interval_ms", intervalMs).put("timeframe", "5min"));
  }

  /** (symbol, time, close) of each bar, in arrival order per symbol. */
  private static List<String> closes(List<Event> events, String symbol) {
    return events.stream().filter(e -> e.symbol().equals(symbol))
        .map(e -> e.time() + " " + e.payloadAs(Bar.class).close()).toList();
  }

  @Test
  void sameSeedSameBarsAndMaxBarsIsRespected(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    Map<String, List<Event>> got = new ConcurrentHashMap<>();
    List<String> ids = List.of("feed_a", "feed_b", "feed_c");
    Future<?> subscribed = Future.succeededFuture();
    for (String id : ids) {
      List<Event> list = got.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
      subscribed = subscribed.compose(v -> router.subscribe(Subscription.of("probe_" + id, id, EventType.BAR), list::add));
    }
    subscribed
        .compose(v -> new ContainerDeployer(vertx, router, TradingContainers.registry()).deploy(List.of(
            feed("feed_a", 42, 50, 0), feed("feed_b", 42, 50, 0), feed("feed_c", 43, 50, 0))))
        .compose(d -> ((SyntheticFeedContainer) d.container("feed_a")).finished()
            .compose(n -> eventually(vertx, () -> ids.stream().allMatch(id -> got.get(id).size() >= 100), 5_000,
                () -> "100 bars from each feed, got " + got.values().stream().map(List::size).toList()))
            .compose(v -> sleep(vertx, 200))
            .map(v -> d))
        .onComplete(ctx.succeeding(d -> ctx.verify(() -> {
          for (String id : ids) {
            assertThat(got.get(id)).as(id).hasSize(100);
            assertThat(((SyntheticFeedContainer) d.container(id)).barsPublished()).isEqualTo(100);
          }
          assertThat(closes(got.get("feed_a"), "AAPL")).isEqualTo(closes(got.get("feed_b"), "AAPL"));
          assertThat(closes(got.get("feed_a"), "MSFT")).isEqualTo(closes(got.get("feed_b"), "MSFT"));
          assertThat(closes(got.get("feed_a"), "AAPL")).isNotEqualTo(closes(got.get("feed_c"), "AAPL"));
          List<Event> aapl = got.get("feed_a").stream().filter(e -> e.symbol().equals("AAPL")).toList();
          assertThat(aapl.get(0).time()).isEqualTo(Instant.parse("2024-01-02T14:30:00Z"));
          assertThat(aapl.get(1).time()).isEqualTo(Instant.parse("2024-01-02T14:35:00Z"));
          assertThat(aapl.get(49).time()).isEqualTo(Instant.parse("2024-01-02T18:35:00Z"));
          assertThat(aapl).allSatisfy(e -> assertThat(e.payloadAs(Bar.class).timeframe()).isEqualTo("5min"));
          assertThat(aapl.get(0).payloadAs(Bar.class).open()).isEqualTo(100.0);
          shutDown(d, router).onComplete(ctx.succeedingThenComplete());
        })));
  }

  @Test
  void pacedFeedWithTicks(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    List<Event> got = new CopyOnWriteArrayList<>();
    ContainerSpec spec = ContainerSpec.of("paced", TradingContainers.DATA).withParams(new JsonObject()
        .put("source", "synthetic").put("symbols", new JsonArray().add("ES"))
        .put("max_bars", 5).put("interval_ms", 20).put("emit_ticks", true)
        .put("start_time", "2024-03-01T09:30:00-05:00"));
    long start = System.nanoTime();
    router.subscribe(Subscription.of("probe", "paced", EventType.BAR, EventType.TICK), got::add)
        .compose(h -> new ContainerDeployer(vertx, router, TradingContainers.registry()).deploy(List.of(spec)))
        .compose(d -> ((SyntheticFeedContainer) d.container("paced")).finished()
            .compose(n -> eventually(vertx, () -> got.size() >= 10, 5_000, () -> "5 bars and 5 ticks, got " + got))
            .map(v -> d))
        .onComplete(ctx.succeeding(d -> ctx.verify(() -> {
          assertThat((System.nanoTime() - start) / 1_000_000).as("4 intervals of 20 ms").isGreaterThanOrEqualTo(75);
          assertThat(got).extracting(Event::type).containsExactly(EventType.BAR, EventType.TICK, EventType.BAR,
              EventType.TICK, EventType.BAR, EventType.TICK, EventType.BAR, EventType.TICK, EventType.BAR, EventType.TICK);
          Event bar = got.get(0);
          Event tick = got.get(1);
          assertThat(bar.time()).isEqualTo(Instant.parse("2024-03-01T14:30:00Z"));
          assertThat(tick.time()).isEqualTo(Instant.parse("2024-03-01T14:31:00Z"));
          assertThat(tick.payloadAs(Tick.class).price()).isEqualTo(bar.payloadAs(Bar.class).close());
          shutDown(d, router).onComplete(ctx.succeedingThenComplete());
        })));
  }

  @Test
  void undeployStopsAnUnlimitedFeed(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    AtomicLong received = new AtomicLong();
    ContainerDeployment[] deployment = new ContainerDeployment[1];
    router.subscribe(Subscription.of("probe", "endless", EventType.BAR), e -> received.incrementAndGet())
        .compose(h -> new ContainerDeployer(vertx, router, TradingContainers.registry())
            .deploy(List.of(feed("endless", 1, 0, 0))))
        .compose(d -> {
          deployment[0] = d;
          return eventually(vertx, () -> received.get() > 10_000, 10_000, () -> "more than 10 000 bars");
        })
        .compose(v -> shutDown(deployment[0], router))
        .compose(v -> {
          long published = ((SyntheticFeedContainer) deployment[0].container("endless")).barsPublished();
          return sleep(vertx, 200).map(x -> published);
        })
        .onComplete(ctx.succeeding(published -> ctx.verify(() -> {
          SyntheticFeedContainer feed = (SyntheticFeedContainer) deployment[0].container("endless");
          assertThat(published).isGreaterThan(10_000);
          assertThat(feed.barsPublished()).as("nothing published after undeploy").isEqualTo(published);
          assertThat(received.get()).isLessThanOrEqualTo(published);
          ctx.completeNow();
        })));
  }
}
