package dev.tierbus.journal;

import static dev.tierbus.journal.JournalTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

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
 * A node is killed with SIGKILL while it publishes ORDERs; restarted, it must deliver every
 * acknowledged one to both subscribers: the plain one (a file) at least once, with every
 * repeat flagged redelivered and no more repeats than deliveries were unconfirmed at the kill;
 * the inbox one (a table) exactly once.
 */
@Timeout(240)
class CrashRecoveryTest {

  private static final int EVENTS = 20_000;
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

  private static String waitFor(Path log, Pattern pattern, Process p, long timeoutMs) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (System.nanoTime() < deadline) {
      for (String line : lines(log)) {
        Matcher m = pattern.matcher(line);
        if (m.find()) {
          return m.group(m.groupCount() == 0 ? 0 : 1);
        }
        if (line.startsWith("ERROR")) {
          throw new AssertionError("child failed: " + line);
        }
      }
      if (!p.isAlive() && p.exitValue() != 0) {
        throw new AssertionError("child exited with " + p.exitValue() + ":\n" + String.join("\n", lines(log)));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no '" + pattern + "' from the child within " + timeoutMs + " ms:\n"
        + String.join("\n", lines(log)));
  }

  @Test
  void aKilledNodeLosesNothingAcknowledgedAndItsRepeatsAreFlaggedAndBounded(@TempDir Path dir) throws Exception {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String schema = "t_crash_" + suffix;
    String node = "crash-" + suffix;
    Vertx vertx = Vertx.vertx();
    Pool sql = JournalTestSupport.sql(vertx);
    try {
      Process first = child(dir, "first.log", "publish", schema, node, dir.toString(), Integer.toString(EVENTS));
      // kill mid-stream: after a quarter has been acknowledged
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (lines(dir.resolve("published.txt")).size() < EVENTS / 4) {
        assertThat(System.nanoTime()).as("a quarter published in time").isLessThan(deadline);
        if (!first.isAlive()) {
          throw new AssertionError("the publishing child died early:\n" + String.join("\n", lines(dir.resolve("first.log"))));
        }
        Thread.sleep(5);
      }
      first.toHandle().destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no clean close
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
      assertThat(lines(dir.resolve("first.log"))).noneMatch(l -> l.contains("PUBLISHED ALL"));

      Process second = child(dir, "second.log", "recover", schema, node, dir.toString());
      long recovered = Long.parseLong(waitFor(dir.resolve("second.log"), RECOVERED, second, 60_000));
      waitFor(dir.resolve("second.log"), Pattern.compile("IDLE"), second, 120_000);
      assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).isZero();

      Set<Integer> acknowledged = new HashSet<>();
      for (String l : completeLines(dir.resolve("published.txt"))) {
        acknowledged.add(Integer.parseInt(l.trim()));
      }
      assertThat(acknowledged.size()).isBetween(EVENTS / 4, EVENTS - 1);

      // the file subscriber: at least once, repeats flagged and bounded
      Map<Long, List<Boolean>> byDelivery = new HashMap<>();
      Set<Integer> inFile = new HashSet<>();
      List<String> fileLines = new ArrayList<>(completeLines(dir.resolve("deliveries-publish.txt")));
      fileLines.addAll(completeLines(dir.resolve("deliveries-recover.txt")));
      for (String l : fileLines) {
        String[] f = l.split(" ");
        byDelivery.computeIfAbsent(Long.parseLong(f[0]), k -> new ArrayList<>()).add(Boolean.parseBoolean(f[2]));
        inFile.add(Integer.parseInt(f[1]));
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
      assertThat(recovered).as("only what was unconfirmed at the kill is recovered")
          .isLessThanOrEqualTo(CrashChild.MAX_IN_FLIGHT);
      assertThat(repeats).as("repeats at most what was recovered").isLessThanOrEqualTo(recovered);
      // the recovering node flagged everything it delivered
      assertThat(completeLines(dir.resolve("deliveries-recover.txt"))).allMatch(l -> l.endsWith(" true"));

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
      System.out.printf("crash test: %d acknowledged before the kill, %d journalled, %d recovered, %d repeats in the"
          + " file%n", acknowledged.size(), inTable.size(), recovered, repeats);
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
