package dev.tierbus.journal;

import static dev.tierbus.journal.JournalTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Event;
import dev.tierbus.event.Order;
import dev.tierbus.trading.recorder.SignalLogReader;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node is killed with SIGKILL while it publishes ORDERs, three times in a row (each run
 * recovering the last one's unconfirmed deliveries while it publishes more); restarted once
 * more, it must deliver every acknowledged ORDER to both subscribers: the shipped recorder (a
 * JSON Lines file) at least once, whole lines only, with every repeat flagged redelivered and
 * no more repeats than deliveries were recovered; the inbox one (a table) exactly once.
 */
@Timeout(240)
class CrashRecoveryTest {

  private static final int EVENTS = 20_000;
  private static final int KILLS = 3;
  private static final Pattern RECOVERED = Pattern.compile("RECOVERED (\\d+)");

  private static Process child(Path dir, String log, String... args) throws IOException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", classpath, CrashChild.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(log).toFile())
        .start();
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
  }

  /** Complete lines only: a line the kill cut short (no newline) was never confirmed. */
  private static List<String> completeLines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int end = text.lastIndexOf('\n');
    return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
  }

  /** The first match of {@code pattern} in the log of {@code p} (null: a finished process, looked at once). */
  private static String waitFor(Path log, Pattern pattern, Process p, long timeoutMs) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    do {
      for (String line : lines(log)) {
        Matcher m = pattern.matcher(line);
        if (m.find()) {
          return m.group(m.groupCount() == 0 ? 0 : 1);
        }
        if (line.startsWith("ERROR")) {
          throw new AssertionError("child failed: " + line);
        }
      }
      if (p == null) {
        break;
      }
      if (!p.isAlive() && p.exitValue() != 0) {
        throw new AssertionError("child exited with " + p.exitValue() + ":\n" + String.join("\n", lines(log)));
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("no '" + pattern + "' from the child within " + timeoutMs + " ms:\n"
        + String.join("\n", lines(log)));
  }

  /**
   * What a kill can leave open in the journal: the deliveries in flight (at most max_in_flight
   * new ones, plus what the run had recovered itself) and confirmations that had reached the
   * node but not yet the journal (they release their slot at once and are written in batches
   * right after; allowed another max_in_flight here). Far below everything journalled: recovery
   * replays what was open, not the history.
   */
  private static long recoveryBound(long recoveredByTheKilledRun) {
    return 2L * CrashChild.MAX_IN_FLIGHT + recoveredByTheKilledRun;
  }

  /** Starts a publishing child, waits until {@code acknowledged} more publishes are acknowledged, kills it. */
  private static void publishAndKill(Path dir, String schema, String node, int run, int acknowledged) throws Exception {
    int before = completeLines(dir.resolve("published.txt")).size();
    String log = "run-" + run + ".log";
    Process p = child(dir, log, "publish", schema, node, dir.toString(), Integer.toString(run * EVENTS),
        Integer.toString(EVENTS));
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (completeLines(dir.resolve("published.txt")).size() < before + acknowledged) {
        assertThat(System.nanoTime()).as("run %d: %d publishes acknowledged in time", run, acknowledged)
            .isLessThan(deadline);
        if (!p.isAlive()) {
          throw new AssertionError("run " + run + " died early:\n" + String.join("\n", lines(dir.resolve(log))));
        }
        Thread.sleep(5);
      }
    } finally {
      p.toHandle().destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no clean close
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    assertThat(lines(dir.resolve(log))).noneMatch(l -> l.contains("PUBLISHED ALL"));
  }

  @Test
  void killedThreeTimesTheNodeLosesNothingAcknowledgedAndItsRepeatsAreFlaggedAndBounded(@TempDir Path dir)
      throws Exception {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String schema = "t_crash_" + suffix;
    String node = "crash-" + suffix;
    Vertx vertx = Vertx.vertx();
    Pool sql = JournalTestSupport.sql(vertx);
    try {
      long recovered = 0;
      long recoveredByLastRun = 0;
      for (int run = 0; run < KILLS; run++) {
        publishAndKill(dir, schema, node, run, EVENTS / 8);
        if (run > 0) {
          long r = Long.parseLong(waitFor(dir.resolve("run-" + run + ".log"), RECOVERED, null, 0));
          assertThat(r).as("recovered by run %d", run).isLessThanOrEqualTo(recoveryBound(recoveredByLastRun));
          recovered += r;
          recoveredByLastRun = r;
        }
      }
      Path file = dir.resolve(CrashChild.RECORDER_FILE);
      int linesBeforeRecovery = completeLines(file).size();

      Process last = child(dir, "recover.log", "recover", schema, node, dir.toString());
      try {
        long lastRecovered = Long.parseLong(waitFor(dir.resolve("recover.log"), RECOVERED, last, 60_000));
        assertThat(lastRecovered).as("only what was unconfirmed at the kill is recovered")
            .isLessThanOrEqualTo(recoveryBound(recoveredByLastRun));
        recovered += lastRecovered;
        waitFor(dir.resolve("recover.log"), Pattern.compile("IDLE"), last, 120_000);
        assertThat(last.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).isZero();
      } finally {
        last.toHandle().destroyForcibly();
      }

      Set<Integer> acknowledged = new HashSet<>();
      for (String l : completeLines(dir.resolve("published.txt"))) {
        acknowledged.add(Integer.parseInt(l.trim()));
      }
      assertThat(acknowledged.size()).isBetween(KILLS * EVENTS / 8, KILLS * EVENTS - 1);

      // the recorder's file: whole lines only, every acknowledged ORDER in it, repeats flagged and bounded
      String text = Files.readString(file, StandardCharsets.UTF_8);
      assertThat(text).as("the file ends with a whole line").endsWith("\n");
      List<Event> recorded = SignalLogReader.readAll(file); // throws on any torn or broken line
      Map<Long, List<Boolean>> byDelivery = new HashMap<>();
      Set<Integer> inFile = new HashSet<>();
      for (Event e : recorded) {
        ReliableDelivery d = ReliableDelivery.of(e).orElseThrow();
        byDelivery.computeIfAbsent(d.deliveryId(), k -> new ArrayList<>()).add(d.redelivered());
        inFile.add(Integer.parseInt(e.payloadAs(Order.class).orderId().substring(2)));
      }
      assertThat(inFile).containsAll(acknowledged);
      long repeats = 0;
      for (Map.Entry<Long, List<Boolean>> e : byDelivery.entrySet()) {
        List<Boolean> flags = e.getValue();
        for (int i = 1; i < flags.size(); i++) {
          repeats++;
          assertThat(flags.get(i)).as("repeat %d of delivery %d is flagged redelivered", i, e.getKey()).isTrue();
        }
      }
      assertThat(repeats).as("repeats at most what was recovered").isLessThanOrEqualTo(recovered);
      // the recovering node flagged everything it delivered
      assertThat(recorded.subList(linesBeforeRecovery, recorded.size()))
          .allMatch(e -> ReliableDelivery.of(e).orElseThrow().redelivered());

      // the inbox subscriber: exactly once
      Set<Integer> inTable = new HashSet<>();
      long rows = 0;
      for (Row r : await(sql.query("SELECT seq FROM " + schema + ".crash_effects").execute())) {
        inTable.add(r.getInteger(0));
        rows++;
      }
      assertThat(inTable).containsAll(acknowledged);
      assertThat(rows).as("no effect applied twice").isEqualTo(inTable.size());
      // and the journal holds nothing undelivered
      assertThat(JournalTestSupport.count(sql, "SELECT count(*) FROM " + schema + ".delivery WHERE status <> 2"))
          .isZero();
      System.out.printf("crash test: %d kills, %d acknowledged, %d recorded lines, %d recovered, %d repeats in the"
          + " recorder's file%n", KILLS, acknowledged.size(), recorded.size(), recovered, repeats);
    } finally {
      await(sql.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE").execute());
      await(vertx.close());
    }
  }

  /** Processes of a PostgreSQL server whose command line names {@code dataDir}. */
  private static List<ProcessHandle> servers(Path dataDir) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(dataDir.toString()))
            .orElse(false))
        .toList();
  }

  @Test
  void aNodeKilledWithItsEmbeddedJournalStartsAgainOnTheSameData(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("journal");
    Path topology = Files.writeString(dir.resolve("t.yaml"), """
        feed: {container_type: data, source: synthetic, symbols: [AAPL], interval_ms: 50}
        journal: {data_dir: "%s", node_id: embedded-crash}
        http: {host: 127.0.0.1, port: 0}
        """.formatted(data));
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> run = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
        "dev.tierbus.cli.TierbusCli", "run", "--topology", topology.toString());
    Process first = new ProcessBuilder(run).redirectErrorStream(true).redirectOutput(dir.resolve("a.log").toFile())
        .start();
    Process second = null;
    try {
      waitFor(dir.resolve("a.log"), Pattern.compile("tierbus running"), first, 90_000);
      first.toHandle().destroyForcibly();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(servers(data)).as("the killed node's journal server is left running").isNotEmpty();

      second = new ProcessBuilder(run).redirectErrorStream(true).redirectOutput(dir.resolve("b.log").toFile()).start();
      waitFor(dir.resolve("b.log"), Pattern.compile("tierbus running"), second, 90_000);
      assertThat(lines(dir.resolve("b.log"))).anyMatch(l -> l.contains("left running")
          && l.contains("by a node that did not shut down"));
      assertThat(servers(data)).hasSize(1);
      second.destroy(); // SIGTERM: a clean stop takes the journal server down with the node
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      JournalTestSupport.eventually(java.time.Duration.ofSeconds(20), () -> servers(data).isEmpty(),
          "no journal server left after a clean stop");
    } finally {
      first.toHandle().destroyForcibly();
      if (second != null) {
        second.toHandle().destroyForcibly();
      }
      for (ProcessHandle p : servers(data)) {
        p.destroyForcibly();
      }
    }
  }
}
