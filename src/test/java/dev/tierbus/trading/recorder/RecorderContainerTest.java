package dev.tierbus.trading.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tierbus.container.ContainerSpec;
import dev.tierbus.container.ContainerTestKit;
import dev.tierbus.container.Threading;
import dev.tierbus.event.Direction;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.IndicatorValue;
import dev.tierbus.event.Signal;
import dev.tierbus.router.Subscription;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class RecorderContainerTest {

  @TempDir
  Path dir;

  private static Future<Void> close(ContainerTestKit kit) {
    Promise<Void> done = Promise.promise();
    ForkJoinPool.commonPool().execute(() -> kit.close().onComplete(done));
    return done.future();
  }

  private static List<Event> signals(String source, int n) {
    List<Event> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Direction d = i % 2 == 0 ? Direction.LONG : Direction.SHORT;
      out.add(Event.of(EventType.SIGNAL, source, i % 3 == 0 ? "GOOG" : "AAPL", 1_000_000_000L * (i + 1),
          new Signal(d, d == Direction.LONG ? 1 : -1, "crossing " + i, source)).withHeader("timeframe", "1D"));
    }
    return out;
  }

  @Test
  void recordedSignalsReadBackAsTheSameEvents(Vertx vertx, VertxTestContext ctx) {
    Path log = dir.resolve("logs/run-1/signals.jsonl");
    List<Event> sent = signals("momentum", 50);
    Event indicator = Event.of(EventType.INDICATOR, "momentum", "GOOG", 7, new IndicatorValue("RSI",
        Map.of("period", 14.0), Map.of("value", 55.0), "1D"));
    ContainerTestKit kit = ContainerTestKit.create(vertx, TradingContainers.registry());
    ContainerSpec spec = ContainerSpec.of("rec", TradingContainers.RECORDER)
        .withParams(new JsonObject().put("events", new JsonArray().add("SIGNAL")).put("path", log.toString())
            .put("base_dir", dir.toString()))
        // subscribed to indicators too: they arrive, but only SIGNAL is written
        .withSubscriptions(List.of(Subscription.of("rec", "momentum", EventType.SIGNAL, EventType.INDICATOR)));
    RecorderContainer[] rec = new RecorderContainer[1];
    kit.deploy(spec)
        .compose(c -> {
          rec[0] = (RecorderContainer) c;
          Future<Void> all = kit.inject(indicator);
          for (Event e : sent) {
            all = all.compose(v -> kit.inject(e));
          }
          return all;
        })
        .compose(v -> Conditions.eventually(vertx, () -> rec[0].eventsIn() == 51))
        .compose(v -> close(kit))
        .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
          assertThat(rec[0].eventsWritten()).isEqualTo(50);
          assertThat(rec[0].writeFailures()).isZero();
          List<String> lines = Files.readAllLines(log);
          assertThat(lines).hasSize(50);
          assertThat(lines.get(0)).startsWith("{\"type\":\"SIGNAL\",\"source\":\"momentum\",\"symbol\":\"GOOG\","
              + "\"time\":\"1970-01-01T00:00:01Z\"");
          assertThat(SignalLogReader.readAll(log)).isEqualTo(sent);
          ctx.completeNow();
        })));
  }

  @Test
  void withoutSubscriptionsItRecordsItsEventsFromEverySource(Vertx vertx, VertxTestContext ctx) {
    Path log = dir.resolve("all.jsonl");
    List<Event> a = signals("strategy_a", 3);
    List<Event> b = signals("strategy_b", 3);
    ContainerTestKit kit = ContainerTestKit.create(vertx, TradingContainers.registry());
    ContainerSpec spec = ContainerSpec.of("rec", TradingContainers.RECORDER).withParams(new JsonObject()
        .put("events", new JsonArray().add("SIGNAL")).put("path", log.toString()).put("base_dir", dir.toString()).put("flush_interval_ms", 10));
    RecorderContainer[] rec = new RecorderContainer[1];
    kit.deploy(spec)
        .compose(c -> {
          rec[0] = (RecorderContainer) c;
          Future<Void> all = Future.succeededFuture();
          for (int i = 0; i < 3; i++) {
            Event ea = a.get(i);
            Event eb = b.get(i);
            all = all.compose(v -> kit.inject(ea)).compose(v -> kit.inject(eb));
          }
          return all;
        })
        // flushed by the timer while still running
        .compose(v -> Conditions.eventually(vertx, () -> lines(log) == 6))
        .compose(v -> close(kit))
        .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
          List<Event> read = SignalLogReader.readAll(log);
          assertThat(read).containsExactlyInAnyOrderElementsOf(concat(a, b));
          assertThat(read.stream().filter(e -> e.source().equals("strategy_a")).toList()).isEqualTo(a);
          ctx.completeNow();
        })));
  }

  private static long lines(Path p) {
    try {
      return Files.exists(p) ? Files.readAllLines(p).size() : 0;
    } catch (IOException e) {
      return -1;
    }
  }

  private static List<Event> concat(List<Event> a, List<Event> b) {
    List<Event> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  void onAnEventLoopItRefusesToStart(Vertx vertx, VertxTestContext ctx) {
    ContainerTestKit kit = ContainerTestKit.create(vertx, TradingContainers.registry());
    kit.deploy(ContainerSpec.of("rec", TradingContainers.RECORDER).withThreading(Threading.EVENT_LOOP)
            .withParams(new JsonObject().put("events", new JsonArray().add("SIGNAL"))
                .put("path", dir.resolve("x.jsonl").toString()).put("base_dir", dir.toString())))
        .onComplete(ctx.failing(e -> ctx.verify(() -> {
          assertThat(e).hasMessageContaining("would block an event loop: use threading: worker");
          close(kit).onComplete(ctx.succeedingThenComplete());
        })));
  }

  @Test
  void aBadLineIsReportedWithFileAndLine() throws IOException {
    Path log = dir.resolve("bad.jsonl");
    String good = EventLine.toJson(signals("s", 1).get(0)).encode();
    Files.write(log, List.of(good, "", "{\"type\":\"SIGNAL\"}", good));
    assertThatThrownBy(() -> SignalLogReader.readAll(log)).isInstanceOf(IOException.class)
        .hasMessageStartingWith(log + ":3: source: required");
    Files.write(log, List.of(good, "not json"));
    assertThatThrownBy(() -> SignalLogReader.readAll(log)).hasMessageStartingWith(log + ":2: not a JSON object");
  }

  @Test
  void badParametersAreProblemsWithTheirKeys() {
    List<String> problems = TradingContainers.registry().factory(TradingContainers.RECORDER)
        .validate(ContainerSpec.of("r", TradingContainers.RECORDER).withParams(new JsonObject()
            .put("events", new JsonArray().add("SIGNAL").add("SIGNALS")).put("flush_interval_ms", -1)));
    assertThat(problems).containsExactly(
        "events[1]: unknown event type 'SIGNALS', expected one of " + List.of(EventType.values()),
        "path: is required, expected a string",
        "flush_interval_ms: must be >= 0, was -1");
  }
}
