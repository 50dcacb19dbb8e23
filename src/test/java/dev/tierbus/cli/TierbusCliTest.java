package dev.tierbus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.container.ContainerState;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Order;
import dev.tierbus.event.Side;
import dev.tierbus.journal.JournalStatus;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.TieredEventRouter;
import dev.tierbus.topology.TestTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TierbusCliTest {

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
  private final ContainerRegistry registry = TestTypes.registry();

  private int cli(String... args) {
    return TierbusCli.execute(args, out, err, registry);
  }

  private String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  private static String resource(String name) throws URISyntaxException {
    return Paths.get(TierbusCliTest.class.getResource("/topology/" + name).toURI()).toString();
  }

  @Test
  void validateAGoodFilePrintsOk() throws Exception {
    assertThat(cli("validate", "--topology", resource("design-ensemble.yaml"))).isZero();
    assertThat(out()).isEqualTo("ok" + System.lineSeparator());
    assertThat(err()).contains("warning: strategy_ensemble_container.optimization: accepted, no effect");
  }

  @Test
  void validateABadFilePrintsEveryProblemAndExits2() throws Exception {
    assertThat(cli("validate", "--topology=" + resource("bad.yaml"))).isEqualTo(2);
    assertThat(out()).isEmpty();
    assertThat(err().lines()).containsExactly(
        "feed.container_type: unknown container type 'no_such_type', known: [data, failing, indicator,"
            + " signal_source, strategy, strategy_ensemble]",
        "feed.external_events.publishes[0].events[1]: unknown event type 'BARS', expected one of BAR, TICK, QUOTE,"
            + " BOOK_UPDATE, TRADE, BAR_OPEN, SIGNAL, INDICATOR, PORTFOLIO_UPDATE, REGIME_CHANGE, ANALYSIS_RESULT,"
            + " PERFORMANCE_UPDATE, OPTIMIZATION_RESULT, ANALYSIS_REPORT, ORDER, FILL, SYSTEM, ERROR, RISK_ALERT",
        "strategy.external_events.subscribes[0].source: no container with id 'nobody', known: [feed, strategy]");
  }

  @Test
  void validateAMissingFileExits2(@TempDir Path dir) {
    String file = dir.resolve("verticles.yaml").toString();
    assertThat(cli("validate", "-t", file)).isEqualTo(2);
    assertThat(err()).isEqualTo(file + ": file not found" + System.lineSeparator());
  }

  @Test
  void helpPrintsUsageAndExits0() {
    assertThat(cli("--help")).isZero();
    assertThat(out()).contains("Usage: java -jar tierbus.jar <command> [options]", "run", "validate", "--topology");
    assertThat(cli("validate", "-h")).isZero();
  }

  @Test
  void noArgumentsPrintUsageAndExit2() {
    assertThat(cli()).isEqualTo(2);
    assertThat(err()).contains("tierbus: no command given", "Usage:");
  }

  @Test
  void unknownCommandOrOptionExits2WithUsage() {
    assertThat(cli("deploy")).isEqualTo(2);
    assertThat(err()).startsWith("tierbus: unknown command 'deploy'").contains("Usage:");
    assertThat(cli("validate", "--verbose")).isEqualTo(2);
    assertThat(err()).contains("tierbus: unknown option '--verbose'");
    assertThat(cli("validate", "--topology")).isEqualTo(2);
    assertThat(err()).contains("tierbus: --topology needs a file name");
    assertThat(cli("validate", "a.yaml", "b.yaml")).isEqualTo(2);
    assertThat(err()).contains("tierbus: unexpected argument 'a.yaml'");
  }

  /** The command line, parsed only: nothing runs. */
  private CommandLine parse(String... args) {
    CommandLine commandLine = TierbusCli.commandLine(new CommandContext(registry, out, err, false));
    commandLine.parseArgs(args);
    return commandLine;
  }

  /** The command {@code args} chose, parsed only. */
  private <T> T command(Class<T> type, String... args) {
    return type.cast(parse(args).getParseResult().subcommand().commandSpec().userObject());
  }

  private String topology(String... args) {
    return parse(args).<TierbusCommand>getCommand().topology();
  }

  @Test
  void argumentsDefaultToVerticlesYaml() {
    assertThat(parse("run").getParseResult().subcommand().commandSpec().name()).isEqualTo("run");
    assertThat(topology("run")).isEqualTo("verticles.yaml");
    assertThat(topology("--topology", "x.yaml", "validate")).isEqualTo("x.yaml");
  }

  @Test
  void runABadFileExits2WithoutStarting() throws Exception {
    assertThat(cli("run", "--topology", resource("bad.yaml"))).isEqualTo(2);
    assertThat(err()).contains("feed.container_type: unknown container type 'no_such_type'");
  }

  private final List<String> schemas = new java.util.ArrayList<>();

  /** Drops the journal schemas the runs made in the test database. */
  @org.junit.jupiter.api.AfterEach
  void dropSchemas() {
    if (schemas.isEmpty()) {
      return;
    }
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      io.vertx.sqlclient.Pool sql = dev.tierbus.journal.JournalTestSupport.sql(vertx);
      for (String s : schemas) {
        dev.tierbus.journal.JournalTestSupport.dropSchema(sql, new dev.tierbus.journal.JournalOptions().setSchema(s));
      }
    } finally {
      dev.tierbus.journal.JournalTestSupport.await(vertx.close());
    }
  }

  /** {@code resource} with a journal section on the test PostgreSQL (a schema of its own). */
  private String withTestJournal(String resource, Path dir) throws Exception {
    String schema = "t_cli_" + Long.toHexString(System.nanoTime());
    schemas.add(schema);
    return withJournal(resource, dir, "journal: {host: 127.0.0.1, port: 5432, database: test, user: postgres,"
        + " schema: " + schema + ", node_id: " + schema + "}\n");
  }

  private static String withJournal(String resource, Path dir, String journalSection) throws Exception {
    String yaml = Files.readString(Paths.get(resource)) + "\n" + journalSection;
    return Files.writeString(dir.resolve("topology.yaml"), yaml).toString();
  }

  @Test
  void runAFailingDeploymentExits1(@TempDir Path dir) throws IOException {
    schemas.add("t_cli_failing");
    Path file = Files.writeString(dir.resolve("t.yaml"), "a: {container_type: failing}\n"
        + "http: {host: 127.0.0.1, port: 0}\n"
        + "journal: {host: 127.0.0.1, port: 5432, database: test, user: postgres, schema: t_cli_failing}\n");
    assertThat(cli("run", "--topology", file.toString())).isEqualTo(1);
    assertThat(err()).startsWith("deployment failed: cannot start a");
  }

  @Test
  void httpPortIsParsedAndChecked() {
    assertThat(command(RunCommand.class, "run", "--http-port", "9090").httpPort()).isEqualTo(9090);
    assertThat(command(RunCommand.class, "run", "--http-port=0").httpPort()).isZero();
    assertThat(command(RunCommand.class, "run").httpPort()).isNull();
    assertThat(cli("run", "--http-port", "70000")).isEqualTo(2);
    assertThat(err()).contains("--http-port", "70000");
    errBytes.reset();
    assertThat(cli("run", "--http-port")).isEqualTo(2);
    assertThat(err()).contains("--http-port");
    errBytes.reset();
    assertThat(cli("backtest", "--http-port", "1")).isEqualTo(2);
    assertThat(err()).contains("run only");
  }

  @Test
  void backtestOptionsAreParsedAndBelongToBacktest() {
    BacktestCommand args = command(BacktestCommand.class, "backtest", "--topology", "t.yaml", "--data", "a.csv",
        "--data=b.csv", "--out", "dir");
    assertThat(args.data()).containsExactly("a.csv", "b.csv");
    assertThat(args.outDir()).isEqualTo("dir");
    assertThat(command(BacktestCommand.class, "backtest").outDir()).isEqualTo("backtest-report");
    assertThat(cli("run", "--data", "a.csv")).isEqualTo(2);
    assertThat(err()).contains("--data is an option of backtest");
  }

  @Test
  void runDeploysUntilShutdownThenReturns0(@TempDir Path dir) throws Exception {
    RunCommand run = new RunCommand(registry, err, false).httpPort(0);
    String file = withTestJournal(resource("design-ensemble.yaml"), dir);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run.run(file));
    assertThat(run.awaitStarted(Duration.ofSeconds(20))).as("started").isTrue();
    assertThat(run.runtime().containers()).hasSize(6);
    assertThat(run.runtime().containers().values()).allSatisfy(c -> assertThat(c.state()).isEqualTo(ContainerState.RUNNING));
    // the HTTP server runs beside it, with a token generated and printed once
    int port = run.http().port();
    assertThat(err()).contains("dashboard http://localhost:" + port + "/");
    assertThat(err().lines().filter(l -> l.startsWith("API token (generated")).toList()).hasSize(1);
    assertThat(err()).contains(run.http().token());
    java.net.http.HttpResponse<String> topology = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/topology")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(topology.statusCode()).isEqualTo(200);
    assertThat(topology.body()).contains("momentum_ensemble");

    run.shutdown();
    assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    assertThat(run.runtime().containers().values()).allSatisfy(c -> assertThat(c.state()).isEqualTo(ContainerState.STOPPED));
    run.shutdown(); // a second call (e.g. the hook after a normal stop) returns at once
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void runStartsAnEmbeddedJournalWhenNoServerIsConfigured(@TempDir Path dir) throws Exception {
    RunCommand run = new RunCommand(registry, err, false).httpPort(0);
    Path data = dir.resolve("journal-data");
    String file = withJournal(resource("design-ensemble.yaml"), dir, "journal: {data_dir: " + data + "}\n");
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run.run(file));
    assertThat(run.awaitStarted(Duration.ofSeconds(90))).as("started").isTrue();
    int port = run.embeddedJournal().port();
    assertThat(Files.exists(data.resolve("pgdata").resolve("PG_VERSION"))).as("the server's data is in data_dir")
        .isTrue();
    JournalStatus status = run.runtime().reliableTier().orElseThrow().status();
    assertThat(status.reachable()).as("%s", status).isTrue();
    assertThat(status.description()).contains("127.0.0.1:" + port);

    // an ORDER goes through the journal of the embedded server and is delivered
    TieredEventRouter router = run.runtime().router();
    List<Event> got = new CopyOnWriteArrayList<>();
    router.subscribe(Subscription.of("probe", "risk", EventType.ORDER), got::add).toCompletionStage()
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    router.publish(Event.of(EventType.ORDER, "risk", "AAPL", 1, new Order("o-1", Side.BUY, 1, Double.NaN, "t")))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (got.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(got).hasSize(1);

    run.shutdown();
    assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
    try (java.net.Socket s = new java.net.Socket()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.connect(
              new java.net.InetSocketAddress("127.0.0.1", port), 1000))
          .as("the embedded server is stopped with the node").isInstanceOf(IOException.class);
    }
  }
}
