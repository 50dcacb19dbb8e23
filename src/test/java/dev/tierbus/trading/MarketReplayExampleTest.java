package dev.tierbus.trading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.event.Event;
import dev.tierbus.event.Signal;
import dev.tierbus.testing.Conditions;
import dev.tierbus.topology.TopologyLoader;
import dev.tierbus.topology.TopologyRuntime;
import dev.tierbus.trading.data.MarketDataContainer;
import dev.tierbus.trading.recorder.RecorderContainer;
import dev.tierbus.trading.recorder.SignalLogReader;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code examples/market_replay.yaml} end to end (at full speed, without loop, the
 * log in a temporary folder): every bar of the three files goes through the router to the
 * strategies, and the recorded signals are exactly the ones an independent, naive
 * computation on the raw files finds (SMA by plain sums; channel by plain scans).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class MarketReplayExampleTest {

  @TempDir
  Path dir;

  private record Row(String date, double high, double low, double close, double volume) {}

  /** The rows of a shipped daily file, read naively: date first, then open, high, low, close, volume. */
  private static List<Row> rows(String resource, String separator) throws IOException {
    List<Row> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
        MarketReplayExampleTest.class.getClassLoader().getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(separator);
        out.add(new Row(f[0], Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
            Double.parseDouble(f[5])));
      }
    }
    return out;
  }

  private static double sma(List<Row> rows, int end, int n) {
    double sum = 0;
    for (int i = end - n + 1; i <= end; i++) {
      sum += rows.get(i).close();
    }
    return sum / n;
  }

  /** "SYMBOL date DIRECTION" for each SMA(10)/SMA(30) crossing: LONG when it gets above, SHORT when it falls back. */
  private static List<String> crossings(String symbol, List<Row> rows) {
    List<String> out = new ArrayList<>();
    for (int i = 30; i < rows.size(); i++) {
      boolean before = sma(rows, i - 1, 10) > sma(rows, i - 1, 30);
      boolean now = sma(rows, i, 10) > sma(rows, i, 30);
      if (before != now) {
        out.add(symbol + " " + rows.get(i).date() + " " + (now ? "LONG" : "SHORT"));
      }
    }
    return out;
  }

  /** "SYMBOL date DIRECTION" for each 20-bar breakout with volume >= 1.5 x the 20-bar mean. */
  private static List<String> breakouts(String symbol, List<Row> rows) {
    List<String> out = new ArrayList<>();
    for (int i = 20; i < rows.size(); i++) {
      double high = Double.NEGATIVE_INFINITY;
      double low = Double.POSITIVE_INFINITY;
      double volume = 0;
      for (int j = i - 20; j < i; j++) {
        high = Math.max(high, rows.get(j).high());
        low = Math.min(low, rows.get(j).low());
        volume += rows.get(j).volume() / 20;
      }
      Row r = rows.get(i);
      if (r.volume() >= 1.5 * volume && r.close() > high) {
        out.add(symbol + " " + r.date() + " LONG");
      } else if (r.volume() >= 1.5 * volume && r.close() < low) {
        out.add(symbol + " " + r.date() + " SHORT");
      }
    }
    return out;
  }

  private static List<String> recorded(List<Event> log, String source) {
    return log.stream().filter(e -> e.source().equals(source))
        .map(e -> e.symbol() + " " + LocalDate.ofInstant(e.time(), ZoneOffset.UTC) + " "
            + e.payloadAs(Signal.class).direction())
        .toList();
  }

  private static Future<Void> stop(TopologyRuntime runtime) {
    Promise<Void> done = Promise.promise();
    ForkJoinPool.commonPool().execute(() -> runtime.stop().onComplete(done));
    return done.future();
  }

  @Test
  void theRecordedSignalsAreTheCrossingsAndBreakoutsOfTheRawFiles(Vertx vertx, VertxTestContext ctx) throws IOException {
    Path log = dir.resolve("signals.jsonl");
    String yaml = Files.readString(Path.of("examples/market_replay.yaml"))
        .replace("bar_interval_ms: 100", "speed: \"max\"")
        .replace("loop: true", "loop: false")
        .replace("path: \"logs/market_replay_signals.jsonl\"",
            "path: \"signals.jsonl\"\n  base_dir: \"" + dir + "\"");
    Path topology = Files.writeString(dir.resolve("market_replay.yaml"), yaml);

    List<String> expectedMomentum = new ArrayList<>();
    List<String> expectedBreakout = new ArrayList<>();
    for (String[] f : new String[][] {{"MSFT", "market-data/msft_daily_2000-09-27_2001-09-27_semicolon.csv", ";"},
        {"GOOG", "market-data/goog_daily_2004-08-19_2008-10-14.csv", ","},
        {"AAPL", "market-data/aapl_daily_2013.csv", ","}}) {
      List<Row> rows = rows(f[1], f[2]);
      expectedMomentum.addAll(crossings(f[0], rows));
      expectedBreakout.addAll(breakouts(f[0], rows));
    }
    int expectedSignals = expectedMomentum.size() + expectedBreakout.size();

    ContainerRegistry registry = ContainerRegistry.withDefaults();
    TopologyRuntime[] runtime = new TopologyRuntime[1];
    TopologyLoader.load(vertx, topology.toString(), registry)
        .compose(t -> TopologyRuntime.deploy(vertx, t, registry))
        .compose(r -> {
          runtime[0] = r;
          return ((MarketDataContainer) r.containers().get("market_data")).finished();
        })
        .compose(summary -> {
          RecorderContainer recorder = (RecorderContainer) runtime[0].containers().get("signal_recorder");
          return Conditions.eventually(vertx, () -> recorder.eventsWritten() >= expectedSignals).map(v -> summary);
        })
        .compose(summary -> {
          long dropped = runtime[0].router().metrics().fast().dropped();
          return stop(runtime[0]).map(v -> new long[] {summary.bars(), dropped});
        })
        .onComplete(ctx.succeeding(figures -> ctx.verify(() -> {
          assertThat(figures[0]).isEqualTo(249 + 1047 + 252);
          assertThat(figures[1]).as("fast-tier events dropped").isZero();
          List<Event> signals = SignalLogReader.readAll(log);
          assertThat(expectedMomentum).hasSizeGreaterThan(20);
          assertThat(expectedBreakout).hasSizeGreaterThan(5);
          assertThat(recorded(signals, "momentum")).isEqualTo(expectedMomentum);
          assertThat(recorded(signals, "breakout")).isEqualTo(expectedBreakout);
          assertThat(signals).allSatisfy(e -> assertThat(e.time()).isBefore(Instant.parse("2014-01-01T00:00:00Z")));
          ctx.completeNow();
        })));
  }
}
