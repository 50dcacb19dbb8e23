package dev.tierbus.trading.recorder;

import static dev.tierbus.journal.JournalTestSupport.await;
import static dev.tierbus.journal.JournalTestSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.ContainerDeployer;
import dev.tierbus.container.ContainerDeployer.ContainerDeployment;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Order;
import dev.tierbus.event.Side;
import dev.tierbus.journal.DeadLetterQuery;
import dev.tierbus.journal.JournalOptions;
import dev.tierbus.journal.ReliableTier;
import dev.tierbus.journal.ReliableTiers;
import dev.tierbus.router.ReliableTierOptions;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.TieredEventRouter;
import dev.tierbus.trading.TradingContainers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder as a durable consumer of the reliable tier: a delivery is confirmed only once
 * its line is written and forced, a write that fails fails the deliveries, an event that cannot
 * be encoded fails only its own delivery, and the file is always whole lines.
 */
@Timeout(60)
class RecorderDurabilityTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  private Vertx vertx;
  private TieredEventRouter router;
  private ReliableTier tier;
  private ContainerDeployment deployment;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    router = TieredEventRouter.create(vertx, new RouterOptions().setReliable(new ReliableTierOptions()
        .setRetryAttempts(3).setBaseDelayMs(20).setMaxDelayMs(100).setDeliveryTimeoutMs(5_000)));
    tier = await(ReliableTiers.install(router, new JournalOptions().setStore(JournalOptions.Store.MEMORY)));
  }

  @AfterEach
  void tearDown() {
    try {
      if (deployment != null) {
        await(deployment.undeploy());
      }
      await(router.close());
    } finally {
      await(vertx.close());
    }
  }

  private RecorderContainer deploy(JsonObject params) {
    ContainerSpec spec = ContainerSpec.of("rec", TradingContainers.RECORDER)
        .withParams(params.put("events", new JsonArray().add("ORDER")))
        .withSubscriptions(List.of(Subscription.of("rec", "risk", EventType.ORDER)));
    deployment = await(new ContainerDeployer(vertx, router, TradingContainers.registry()).deploy(List.of(spec)));
    return (RecorderContainer) deployment.container("rec");
  }

  private static Event order(int n, String reason) {
    return Event.of(EventType.ORDER, "risk", "SYM" + (n % 4), n, Order.market("o-" + n, Side.BUY, 1, reason));
  }

  private long deadLetters() {
    return await(tier.deadLetters().list(DeadLetterQuery.all())).total();
  }

  @Test
  void everyConfirmedOrderIsInTheFileAndLinesShareForces() throws IOException {
    RecorderContainer rec = deploy(new JsonObject().put("base_dir", dir.toString()).put("path", "orders.jsonl")
        .put("flush_interval_ms", 0));
    for (int i = 0; i < 2_000; i++) {
      router.publish(order(i, "test"));
    }
    eventually(WAIT, () -> tier.status().pending() == 0 && rec.eventsWritten() == 2_000, "all confirmed");

    List<Event> read = SignalLogReader.readAll(dir.resolve("orders.jsonl"));
    assertThat(read).extracting(e -> e.payloadAs(Order.class).orderId()).hasSize(2_000).doesNotHaveDuplicates();
    assertThat(rec.writeFailures()).isZero();
    assertThat(rec.flushes()).as("forces shared by several lines").isLessThan(2_000);
  }

  @Test
  void anEventThatCannotBeEncodedFailsOnlyItsOwnDelivery() throws IOException {
    RecorderContainer rec = deploy(new JsonObject().put("base_dir", dir.toString()).put("path", "orders.jsonl"));
    await(router.publish(order(1, "fine")));
    await(router.publish(order(2, "half a pair \uD800 of surrogates")));
    await(router.publish(order(3, "fine too")));
    await(router.publish(order(5, "same lane as the bad one, later")));

    eventually(WAIT, () -> deadLetters() == 1 && rec.eventsWritten() == 3, "one dead letter, three lines");
    assertThat(SignalLogReader.readAll(dir.resolve("orders.jsonl")))
        .extracting(e -> e.payloadAs(Order.class).orderId()).containsExactlyInAnyOrder("o-1", "o-3", "o-5");
    // the bad one was tried retry_attempts times and failed only itself
    assertThat(rec.writeFailures()).isEqualTo(3);
    assertThat(Files.readString(dir.resolve("orders.jsonl"))).endsWith("\n");
  }

  @Test
  void aFailingWriteFailsTheDeliveriesInsteadOfConfirmingThem() {
    // /dev/full takes the open and refuses every write (ENOSPC): a real failing disk
    RecorderContainer rec = deploy(new JsonObject().put("base_dir", "/dev").put("path", "full"));
    await(router.publish(order(1, "lost disk")));
    await(router.publish(order(2, "lost disk")));

    eventually(WAIT, () -> deadLetters() == 2, "both dead-lettered after their attempts");
    assertThat(rec.eventsWritten()).isZero();
    assertThat(rec.writeFailures()).isGreaterThanOrEqualTo(2);
    assertThat(tier.metrics().delivered()).isZero();
  }

  @Test
  void aRestartAppendsAfterCuttingATornLastLine() throws IOException {
    Path file = dir.resolve("orders.jsonl");
    String whole = EventLine.toJson(order(0, "before")).encode();
    Files.writeString(file, whole + "\n" + "{\"type\":\"ORDER\",\"sou", StandardCharsets.UTF_8);
    RecorderContainer rec = deploy(new JsonObject().put("base_dir", dir.toString()).put("path", "orders.jsonl"));
    await(router.publish(order(1, "after")));
    eventually(WAIT, () -> rec.eventsWritten() == 1 && tier.status().pending() == 0, "written");

    assertThat(SignalLogReader.readAll(file)).extracting(e -> e.payloadAs(Order.class).orderId())
        .containsExactly("o-0", "o-1");
  }

  @Test
  void pathsOutsideTheBaseDirectoryAreRefused() {
    for (String path : List.of("../escape.jsonl", "/etc/passwd", "logs/../../x.jsonl")) {
      List<String> problems = TradingContainers.registry().factory(TradingContainers.RECORDER)
          .validate(ContainerSpec.of("r", TradingContainers.RECORDER).withParams(new JsonObject()
              .put("events", new JsonArray().add("SIGNAL")).put("base_dir", dir.toString()).put("path", path)));
      assertThat(problems).as(path).singleElement().asString()
          .startsWith("path: '" + path + "' is outside the recorder's base_dir " + dir.toAbsolutePath());
    }
  }

  @Test
  void aSymbolicLinkOutOfTheBaseDirectoryIsRefusedAtStart() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path base = Files.createDirectories(dir.resolve("base"));
    Files.createSymbolicLink(base.resolve("logs"), outside);
    ContainerSpec spec = ContainerSpec.of("rec", TradingContainers.RECORDER).withParams(new JsonObject()
        .put("events", new JsonArray().add("ORDER")).put("base_dir", base.toString()).put("path", "logs/x.jsonl"));
    Throwable failure = new ContainerDeployer(vertx, router, TradingContainers.registry()).deploy(List.of(spec))
        .toCompletionStage().toCompletableFuture().handle((d, e) -> e).join();
    assertThat(failure).isNotNull().hasMessageContaining("leads outside the base_dir");
    assertThat(outside.resolve("x.jsonl")).doesNotExist();
  }
}
