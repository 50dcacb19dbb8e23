package dev.tierbus.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.EventType;
import dev.tierbus.journal.DeadLetter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard end to end in headless Chromium: a real node (runtime + API on a free port),
 * the Debian {@code chromium} driven by Playwright ({@code src/test/browser/dashboard.e2e.mjs}):
 * the container tree shows, live signals arrive, the charts and equity curve fill, the
 * Replay button replays a dead letter and the Discard button discards another (held by {@link InMemoryDeadLetters} until the reliable
 * tier's journal is behind the API). Needs {@code /usr/bin/chromium} and Node.js with npm; fails
 * saying which is missing. Screenshots: {@code target/browser-screenshots/}.
 */
class DashboardBrowserTest {

  static final Path BROWSER_DIR = Path.of("src", "test", "browser");
  static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
  static final long REPLAYED = 7;

  static final String TOPOLOGY = """
      feed:
        container_type: ticker
        symbols: [AAPL, MSFT]
        interval_ms: 200
        external_events:
          publishes: [{events: [SIGNAL]}]
      portfolio:
        container_type: ticker
        symbols: [SPY]
        interval_ms: 250
        equity: true
        external_events:
          publishes: [{events: [SIGNAL, PORTFOLIO_UPDATE]}]
      sink:
        container_type: sink
        external_events:
          subscribes: [{source: feed, events: [SIGNAL]}]
      group:
        container_type: strategy_ensemble
        sub_containers:
          - {container_type: sink, container_id: inner}
      """;

  @TempDir
  Path dir;

  @Test
  void theDashboardShowsTheNodeLiveAndReplaysADeadLetter() throws Exception {
    assertThat(Files.isExecutable(CHROMIUM))
        .as("chromium is missing at %s: install the Debian package (apt-get install -y chromium)", CHROMIUM).isTrue();
    String node = executable("node");
    assertThat(node).as("node (Node.js) is missing from PATH: install the Debian packages nodejs and npm").isNotNull();
    installPlaywright();

    InMemoryDeadLetters deadLetters = new InMemoryDeadLetters(d -> { });
    deadLetters.add(DeadLetterApiTest.letter(REPLAYED, "execution", EventType.ORDER, "AAPL", DeadLetterApiTest.T0));
    deadLetters.add(DeadLetterApiTest.letter(8, "portfolio", EventType.FILL, "MSFT", DeadLetterApiTest.T0));
    try (ApiTestNode n = ApiTestNode.start(dir, TOPOLOGY, new ApiOptions().setInstances(1), deadLetters)) {
      Path shots = Path.of("target", "browser-screenshots").toAbsolutePath();
      Path log = dir.resolve("e2e.log");
      Process p = new ProcessBuilder(node, "dashboard.e2e.mjs",
          "--url", "http://127.0.0.1:" + n.server.port() + "/",
          "--token", ApiTestNode.TOKEN,
          "--replay", Long.toString(REPLAYED),
          "--discard", "8",
          "--screenshots", shots.toString())
          .directory(BROWSER_DIR.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      boolean done = p.waitFor(150, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(done).as("the browser test did not finish in 150 s:%n%s", output).isTrue();
      assertThat(p.exitValue()).as("the browser test failed:%n%s", output).isZero();
      assertThat(output).contains("\"ok\":true");
      assertThat(deadLetters.replayed()).extracting(DeadLetter::deliveryId).containsExactly(REPLAYED);
      assertThat(deadLetters.discarded()).extracting(DeadLetter::deliveryId).containsExactly(8L);
      assertThat(deadLetters.dead()).isEmpty();
      assertThat(shots.resolve("dashboard-live.png")).exists();
    }
  }

  /** Installs playwright-core from package-lock.json (npm ci) unless it is there; never a browser. */
  private static void installPlaywright() throws IOException, InterruptedException {
    if (Files.isDirectory(BROWSER_DIR.resolve("node_modules").resolve("playwright-core"))) {
      return;
    }
    String npm = executable("npm");
    assertThat(npm).as("npm is missing from PATH (needed once to install playwright-core): install the Debian package npm")
        .isNotNull();
    ProcessBuilder pb = new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund").directory(BROWSER_DIR.toFile())
        .redirectErrorStream(true);
    pb.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("npm ci did not finish").isTrue();
    assertThat(p.exitValue()).as("npm ci in %s failed:%n%s", BROWSER_DIR, out).isZero();
  }

  private static String executable(String name) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(d, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
