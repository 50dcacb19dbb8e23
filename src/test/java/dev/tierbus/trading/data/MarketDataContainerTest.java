package dev.tierbus.trading.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.container.ContainerTestKit;
import dev.tierbus.event.Bar;
import dev.tierbus.event.BarOpen;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Tick;
import dev.tierbus.testing.Conditions;
import dev.tierbus.trading.TradingContainers;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The {@code data} container replaying files under a real router (ContainerTestKit). */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class MarketDataContainerTest {

  @TempDir
  Path dir;

  private static JsonObject csv(JsonArray files) {
    return new JsonObject().put("source", "csv").put("files", files);
  }

  /** Closes the kit from a thread that is no Vert.x context (see TradingTestSupport.shutDown). */
  private static Future<Void> close(ContainerTestKit kit) {
    Promise<Void> done = Promise.promise();
    ForkJoinPool.commonPool().execute(() -> kit.close().onComplete(done));
    return done.future();
  }

  /**
   * A gate that plays a backtest clock: each turn is granted only once everything published
   * before it has reached the subscriber, and it checks that nothing of the turn's own phase
   * was published before it was asked.
   */
  private static final class QuietGate implements ReplayGate {
    final Vertx vertx;
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> violations = new CopyOnWriteArrayList<>();
    final AtomicReference<ReplaySummary> ended = new AtomicReference<>();
    final int[] eventsBeforeCall;
    ContainerTestKit kit;

    /** @param eventsBeforeCall how many events must have arrived before the i-th call is granted */
    QuietGate(Vertx vertx, int... eventsBeforeCall) {
      this.vertx = vertx;
      this.eventsBeforeCall = eventsBeforeCall;
    }

    @Override
    public Future<Void> awaitTurn(long timeNanos, Phase phase) {
      calls.add(Instant.ofEpochSecond(0, timeNanos).toString().substring(0, 10) + " " + phase);
      int expected = eventsBeforeCall[Math.min(calls.size(), eventsBeforeCall.length) - 1];
      Promise<Void> turn = Promise.promise();
      long[] timer = new long[1];
      timer[0] = vertx.setPeriodic(2, id -> {
        List<Event> seen = kit.published();
        if (seen.size() >= expected) {
          vertx.cancelTimer(timer[0]);
          EventType mine = phase == Phase.OPEN ? EventType.BAR_OPEN : EventType.BAR;
          if (seen.stream().anyMatch(e -> e.type() == mine && e.timeNanos() == timeNanos)) {
            violations.add(mine + " at " + timeNanos + " published before its turn");
          }
          if (seen.size() > expected) {
            violations.add("more events than expected before " + phase + " " + timeNanos + ": " + seen);
          }
          turn.complete();
        }
      });
      return turn.future();
    }

    @Override
    public void onEnd(ReplaySummary summary) {
      ended.set(summary);
    }
  }

  @Test
  void eachBarTimeIsReleasedInTwoGatedPhasesOpenBeforeClose(Vertx vertx, VertxTestContext ctx) throws IOException {
    Path a = Files.write(dir.resolve("aaa.csv"), List.of("date,open,high,low,close,volume",
        "2024-01-02,10,11,9,10.5,100", "2024-01-03,10.5,12,10,11,100", "2024-01-04,11,11,10,10.2,100"));
    Path b = Files.write(dir.resolve("bbb.csv"), List.of("date,open,high,low,close,volume",
        "2024-01-03,20,21,19,20.5,100", "2024-01-04,20.5,22,20,21,100"));
    // before each call, every event of the phases before it has arrived: 1 + 1 + 2 + 2 + 2 (+ 2 after the last)
    QuietGate gate = new QuietGate(vertx, 0, 1, 2, 4, 6, 8);
    ContainerRegistry registry = ContainerRegistry.empty().register("data", MarketDataContainer.factory(gate));
    ContainerTestKit kit = ContainerTestKit.create(vertx, registry);
    gate.kit = kit;
    kit.deploy(ContainerSpec.of("md", "data").withParams(csv(new JsonArray().add(a.toString()).add(b.toString()))
            .put("speed", 1000)))
        .compose(c -> ((MarketDataContainer) c).finished())
        // the last phase was handed to the router when the replay finished; wait for its delivery
        .compose(summary -> kit.awaitPublished(EventType.BAR, 5, Duration.ofSeconds(10)).map(l -> summary))
        .onComplete(ctx.succeeding(summary -> ctx.verify(() -> {
          assertThat(gate.calls).containsExactly("2024-01-02 OPEN", "2024-01-02 CLOSE", "2024-01-03 OPEN",
              "2024-01-03 CLOSE", "2024-01-04 OPEN", "2024-01-04 CLOSE");
          assertThat(gate.violations).isEmpty();
          assertThat(summary).isEqualTo(new ReplaySummary(3, 5, 0, 0, 0, true));
          assertThat(gate.ended.get()).isEqualTo(summary);
          List<Event> events = kit.published();
          assertThat(events).extracting(e -> e.type() + " " + e.symbol() + " "
                  + Instant.ofEpochSecond(0, e.timeNanos()).toString().substring(0, 10))
              .containsExactly("BAR_OPEN AAA 2024-01-02", "BAR AAA 2024-01-02",
                  "BAR_OPEN AAA 2024-01-03", "BAR_OPEN BBB 2024-01-03", "BAR AAA 2024-01-03", "BAR BBB 2024-01-03",
                  "BAR_OPEN AAA 2024-01-04", "BAR_OPEN BBB 2024-01-04", "BAR AAA 2024-01-04", "BAR BBB 2024-01-04");
          assertThat(events.get(2).payload()).isEqualTo(new BarOpen("1D", 10.5));
          assertThat(events.get(5).payload()).isEqualTo(new Bar("1D", 20, 21, 19, 20.5, 100));
          assertThat(events).allSatisfy(e -> assertThat(e.source()).isEqualTo("md"));
          close(kit).onComplete(ctx.succeedingThenComplete());
        })));
  }

  @Test
  void theShippedDailyFilesReplayWholeAtFullSpeed(Vertx vertx, VertxTestContext ctx) {
    ContainerTestKit kit = ContainerTestKit.create(vertx, TradingContainers.registry());
    JsonArray files = new JsonArray()
        .add(new JsonObject().put("path", ReplayCursorTest.GOOG))
        .add(new JsonObject().put("path", ReplayCursorTest.AAPL).put("symbol", "AAPL"))
        .add(ReplayCursorTest.MSFT);
    kit.deploy(ContainerSpec.of("md", TradingContainers.DATA).withParams(csv(files)))
        .compose(c -> ((MarketDataContainer) c).finished()
            .compose(s -> kit.awaitPublished(EventType.BAR, 1047 + 252 + 249, Duration.ofSeconds(20)).map(l -> s)))
        .onComplete(ctx.succeeding(summary -> ctx.verify(() -> {
          assertThat(summary.bars()).isEqualTo(1047 + 252 + 249);
          assertThat(summary.complete()).isTrue();
          List<Event> bars = kit.published(EventType.BAR);
          List<Event> opens = kit.published(EventType.BAR_OPEN);
          assertThat(opens).hasSameSizeAs(bars);
          for (String symbol : List.of("GOOG", "AAPL", "MSFT")) {
            List<Long> times = bars.stream().filter(e -> e.symbol().equals(symbol)).map(Event::timeNanos).toList();
            assertThat(times).as(symbol).isSorted().doesNotHaveDuplicates();
          }
          // MSFT (2000-2001) comes first, then GOOG (2004-2008), then AAPL (2013)
          assertThat(bars.get(0).symbol()).isEqualTo("MSFT");
          assertThat(bars.get(bars.size() - 1).symbol()).isEqualTo("AAPL");
          assertThat(bars.stream().map(Event::timeNanos).toList()).isSorted();
          close(kit).onComplete(ctx.succeedingThenComplete());
        })));
  }

  @Test
  void tradesFileWithTicksPublishesEachPeriodsTicksBeforeItsBar(Vertx vertx, VertxTestContext ctx) throws IOException {
    Path t = Files.write(dir.resolve("ethusd.csv"), List.of("timestamp,price,amount",
        "1704205800,10,1", "1704205830,12,2", "1704205861,11,1", "1704205890,9,0.5"));
    ContainerTestKit kit = ContainerTestKit.create(vertx, TradingContainers.registry());
    JsonArray files = new JsonArray().add(new JsonObject().put("path", t.toString()).put("format", "trades")
        .put("timeframe", "1min").put("publish_ticks", true));
    kit.deploy(ContainerSpec.of("md", TradingContainers.DATA).withParams(csv(files).put("bar_interval_ms", 20)))
        .compose(c -> ((MarketDataContainer) c).finished())
        .compose(s -> kit.awaitPublished(EventType.BAR, 2, Duration.ofSeconds(10)).map(l -> s))
        .onComplete(ctx.succeeding(summary -> ctx.verify(() -> {
          assertThat(summary).isEqualTo(new ReplaySummary(2, 2, 4, 0, 0, true));
          assertThat(kit.published()).extracting(e -> e.type() + " " + e.symbol() + " " + e.time().getEpochSecond())
              .containsExactly("BAR_OPEN ETHUSD 1704205800", "TICK ETHUSD 1704205800", "TICK ETHUSD 1704205830",
                  "BAR ETHUSD 1704205800", "BAR_OPEN ETHUSD 1704205860", "TICK ETHUSD 1704205861",
                  "TICK ETHUSD 1704205890", "BAR ETHUSD 1704205860");
          assertThat(kit.published().get(2).payload()).isEqualTo(new Tick(12, 2));
          assertThat(kit.published().get(7).payload()).isEqualTo(new Bar("1min", 11, 11, 9, 9, 1.5));
          close(kit).onComplete(ctx.succeedingThenComplete());
        })));
  }

  @Test
  void aLoopingReplayKeepsPublishingWithIncreasingTimes(Vertx vertx, VertxTestContext ctx) throws IOException {
    Path p = Files.write(dir.resolve("xyz.csv"), List.of("date,open,high,low,close,volume",
        "2024-01-02,1,1,1,1,1", "2024-01-03,2,2,2,2,1"));
    ContainerTestKit kit = ContainerTestKit.create(vertx, TradingContainers.registry());
    kit.deploy(ContainerSpec.of("md", TradingContainers.DATA)
            .withParams(csv(new JsonArray().add(p.toString())).put("loop", true)))
        .compose(c -> kit.awaitPublished(EventType.BAR, 50, Duration.ofSeconds(10)))
        .onComplete(ctx.succeeding(bars -> ctx.verify(() -> {
          assertThat(bars.stream().map(Event::timeNanos).toList()).isSorted().doesNotHaveDuplicates();
          assertThat(bars.get(2).time()).isEqualTo(Instant.parse("2024-01-09T00:00:00Z"));
          assertThat(bars.get(2).payloadAs(Bar.class).close()).isEqualTo(1.0);
          assertThat(bars.get(49).payloadAs(Bar.class).close()).isEqualTo(2.0);
          close(kit).onComplete(ctx.succeedingThenComplete());
        })));
  }

  @Test
  void aBadRowFailsTheDeploymentNamingFileAndLine(Vertx vertx, VertxTestContext ctx) throws IOException {
    Path p = Files.write(dir.resolve("bad.csv"), List.of("date,open,high,low,close,volume",
        "2024-01-02,1,1,1,1,1", "2024-01-03,2,1,3,2,1"));
    ContainerTestKit kit = ContainerTestKit.create(vertx, TradingContainers.registry());
    kit.deploy(ContainerSpec.of("md", TradingContainers.DATA).withParams(csv(new JsonArray().add(p.toString()))))
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertThat(e).hasMessage(p + ":3: high 1.0 is below low 3.0");
          assertThat(kit.published()).isEmpty();
          close(kit).onComplete(ctx.succeedingThenComplete());
        })));
  }

  @Test
  void theSyntheticSourceRunsUnderAGateWithTheFeedsBars(Vertx vertx, VertxTestContext ctx) {
    List<String> calls = new CopyOnWriteArrayList<>();
    ReplayGate counting = (timeNanos, phase) -> {
      calls.add(phase.name());
      return Future.succeededFuture();
    };
    ContainerRegistry registry = ContainerRegistry.empty().register("data", MarketDataContainer.factory(counting));
    ContainerTestKit kit = ContainerTestKit.create(vertx, registry);
    kit.deploy(ContainerSpec.of("md", "data").withParams(new JsonObject().put("source", "synthetic")
            .put("symbols", new JsonArray().add("AAA").add("BBB")).put("seed", 9).put("max_bars", 5)
            .put("timeframe", "5min")))
        .compose(c -> ((MarketDataContainer) c).finished())
        .compose(s -> kit.awaitPublished(EventType.BAR, 10, Duration.ofSeconds(10)).map(l -> s))
        .onComplete(ctx.succeeding(summary -> ctx.verify(() -> {
          assertThat(summary).isEqualTo(new ReplaySummary(5, 10, 0, 0, 0, true));
          assertThat(calls).hasSize(10).containsOnly("OPEN", "CLOSE");
          RandomWalk aaa = new RandomWalk("AAA", 9, SyntheticFeedConfig.DEFAULT_START_PRICE,
              SyntheticFeedConfig.DEFAULT_VOLATILITY, SyntheticFeedConfig.DEFAULT_DRIFT);
          List<Event> bars = kit.published(EventType.BAR).stream().filter(e -> e.symbol().equals("AAA")).toList();
          for (int i = 0; i < 5; i++) {
            assertThat(bars.get(i).payload()).isEqualTo(aaa.next("5min"));
            assertThat(bars.get(i).timeNanos()).isEqualTo(
                dev.tierbus.event.Event.nanos(SyntheticFeedConfig.DEFAULT_START_TIME) + i * 300_000_000_000L);
          }
          assertThat(kit.published(EventType.BAR_OPEN)).hasSize(10);
          close(kit).onComplete(ctx.succeedingThenComplete());
        })));
  }

  @Test
  void anEventLoopReplayReadsItsFilesOffTheEventLoop(Vertx vertx, VertxTestContext ctx) {
    ContainerTestKit kit = ContainerTestKit.create(vertx, TradingContainers.registry());
    kit.deploy(ContainerSpec.of("md", TradingContainers.DATA)
            .withThreading(dev.tierbus.container.Threading.EVENT_LOOP)
            .withParams(csv(new JsonArray().add(ReplayCursorTest.AAPL))))
        .compose(c -> ((MarketDataContainer) c).finished())
        .compose(s -> Conditions.eventually(vertx, () -> kit.published(EventType.BAR).size() == 252).map(v -> s))
        .onComplete(ctx.succeeding(summary -> ctx.verify(() -> {
          assertThat(summary.bars()).isEqualTo(252);
          close(kit).onComplete(ctx.succeedingThenComplete());
        })));
  }
}
