package dev.tierbus.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.EventType;
import dev.tierbus.journal.DeadLetter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard end to end in headless Chromium: a real node (runtime + API on a free port),
 * the Debian {@code chromium} driven by Playwright ({@code src/test/browser/dashboard.e2e.mjs}):
 * the page opens on the server's history (events published before it, the equity curve), the
 * container tree shows, live signals arrive, the charts and equity curve fill (latency on a log
 * scale, equity above 1 M labelled without clipping), a wrong token is said at once while the
 * stream goes on, the Replay button replays a dead letter and the Discard button discards
 * another (held by {@link InMemoryDeadLetters} until the reliable tier's journal is behind the
 * API), and a container whose handler fails, deployed through the API, shows as an outage until
 * it is removed; with {@code auth_reads}, the page asks for the token, says a wrong one, and with
 * the right one loads the history and streams ({@code dashboard-auth.e2e.mjs}). Needs {@code /usr/bin/chromium} and Node.js with npm; fails saying which is
 * missing. Screenshots: {@code target/browser-screenshots/}.
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
        equity_base: 2500000
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
      event_router:
        global_settings:
          health_checks: {check_interval_ms: 500, alert_thresholds: {max_error_rate_pct: 5.0}}
      """;

  @TempDir
  Path dir;

  @Test
  void theDashboardShowsTheNodeLiveAndReplaysADeadLetter() throws Exception {
    String node = browserTools();
    InMemoryDeadLetters deadLetters = new InMemoryDeadLetters(d -> { });
    deadLetters.add(DeadLetterApiTest.letter(REPLAYED, "execution", EventType.ORDER, "AAPL", DeadLetterApiTest.T0));
    deadLetters.add(DeadLetterApiTest.letter(8, "portfolio", EventType.FILL, "MSFT", DeadLetterApiTest.T0));
    try (ApiTestNode n = ApiTestNode.start(dir, TOPOLOGY, new ApiOptions().setInstances(1), deadLetters)) {
      eventsBeforeThePageOpens(n);
      Path shots = Path.of("target", "browser-screenshots").toAbsolutePath();
      runScript(node, "dashboard.e2e.mjs",
          "--url", "http://127.0.0.1:" + n.server.port() + "/",
          "--token", ApiTestNode.TOKEN,
          "--replay", Long.toString(REPLAYED),
          "--discard", "8",
          "--screenshots", shots.toString());
      assertThat(deadLetters.replayed()).extracting(DeadLetter::deliveryId).containsExactly(REPLAYED);
      assertThat(deadLetters.discarded()).extracting(DeadLetter::deliveryId).containsExactly(8L);
      assertThat(deadLetters.dead()).isEmpty();
      assertThat(shots.resolve("dashboard-live.png")).exists();
      assertThat(shots.resolve("dashboard-outage.png")).exists();
      assertThat(n.runtime.containers()).as("the failing container was removed").doesNotContainKey("broken");
    }
  }

  @Test
  void withAuthReadsTheDashboardAsksForTheTokenThenLoadsTheHistoryAndStreams() throws Exception {
    String node = browserTools();
    try (ApiTestNode n = ApiTestNode.start(dir, TOPOLOGY, new ApiOptions().setInstances(1).setAuthReads(true), null)) {
      eventsBeforeThePageOpens(n);
      Path shots = Path.of("target", "browser-screenshots").toAbsolutePath();
      runScript(node, "dashboard-auth.e2e.mjs",
          "--url", "http://127.0.0.1:" + n.server.port() + "/",
          "--token", ApiTestNode.TOKEN,
          "--screenshots", shots.toString());
      assertThat(shots.resolve("dashboard-auth-reads.png")).exists();
    }
  }

  /** Events before the page opens: it must show them from the server's history. */
  private static void eventsBeforeThePageOpens(ApiTestNode n) throws InterruptedException {
    ApiTestNode.eventually("signals and portfolio updates before the page opens",
        () -> n.runtime.containers().get("sink").eventsIn() >= 10
            && n.runtime.containers().get("portfolio").eventsOut() >= 16);
  }

  /** Chromium, Node.js and playwright-core (installed when missing); returns the path of node. */
  private static String browserTools() throws IOException, InterruptedException {
    assertThat(Files.isExecutable(CHROMIUM))
        .as("chromium is missing at %s: install the Debian package (apt-get install -y chromium)", CHROMIUM).isTrue();
    String node = executable("node");
    assertThat(node).as("node (Node.js) is missing from PATH: install the Debian packages nodejs and npm").isNotNull();
    installPlaywright();
    return node;
  }

  /** Runs an end-to-end script of src/test/browser, at most 150 s; fails with its output unless it says ok. */
  private void runScript(String node, String script, String... args) throws IOException, InterruptedException {
    Path log = dir.resolve(script + ".log");
    List<String> command = new ArrayList<>(List.of(node, script));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command)
        .directory(BROWSER_DIR.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    boolean done = p.waitFor(150, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(done).as("%s did not finish in 150 s:%n%s", script, output).isTrue();
    assertThat(p.exitValue()).as("%s failed:%n%s", script, output).isZero();
    assertThat(output).contains("\"ok\":true");
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
