package dev.tierbus.journal;

import dev.tierbus.container.ContainerDeployer;
import dev.tierbus.container.ContainerDeployer.ContainerDeployment;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Order;
import dev.tierbus.event.Side;
import dev.tierbus.router.BackPressureException;
import dev.tierbus.router.ReliableTierOptions;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.TieredEventRouter;
import dev.tierbus.trading.TradingContainers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * The process {@link CrashRecoveryTest} kills: a node with a reliable tier on the test
 * PostgreSQL, the shipped {@code recorder} container subscribed to the ORDERs (a durable file
 * consumer: DIR/orders.jsonl, appended to across runs) and an inbox subscriber that inserts each
 * into a table.
 *
 * <pre>
 * CrashChild publish SCHEMA NODE DIR FIRST N   publishes ORDERs FIRST..FIRST+N-1, appends each acknowledged one to DIR/published.txt
 * CrashChild recover SCHEMA NODE DIR           publishes nothing; prints RECOVERED n, then IDLE once all is confirmed
 * </pre>
 */
public final class CrashChild {

  static final int MAX_IN_FLIGHT = 4_000;
  static final int PUBLISH_WINDOW = 256;
  static final String RECORDER_FILE = "orders.jsonl";

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    String schema = args[1];
    String node = args[2];
    Path dir = Path.of(args[3]);
    int first = mode.equals("publish") ? Integer.parseInt(args[4]) : 0;
    int n = mode.equals("publish") ? Integer.parseInt(args[5]) : 0;

    Vertx vertx = Vertx.vertx();
    JournalOptions journal = new JournalOptions().setHost(JournalTestSupport.HOST).setPort(JournalTestSupport.PORT)
        .setDatabase(JournalTestSupport.DATABASE).setUser(JournalTestSupport.USER).setSchema(schema).setNodeId(node);
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions().setReliable(new ReliableTierOptions()
        .setMaxInFlight(MAX_IN_FLIGHT).setBaseDelayMs(50).setMaxDelayMs(500).setRetryAttempts(100)));
    ReliableTier tier = JournalTestSupport.await(ReliableTiers.install(router, journal));
    if (!tier.status().reachable()) {
      System.out.println("ERROR journal unreachable: " + tier.status().lastError());
      System.exit(3);
    }
    System.out.println("RECOVERED " + tier.metrics().details().getLong("recovered"));

    String effects = schema + ".crash_effects";
    io.vertx.sqlclient.Pool sql = JournalTestSupport.sql(vertx);
    JournalTestSupport.await(sql.query("CREATE TABLE IF NOT EXISTS " + effects
        + " (delivery_id bigint NOT NULL, seq integer NOT NULL, redelivered boolean NOT NULL)").execute());

    ContainerSpec recorder = ContainerSpec.of("file-writer", TradingContainers.RECORDER)
        .withParams(new JsonObject().put("events", new JsonArray().add("ORDER")).put("base_dir", dir.toString())
            .put("path", RECORDER_FILE))
        .withSubscriptions(List.of(Subscription.of("file-writer", "risk", EventType.ORDER)));
    ContainerDeployment containers = JournalTestSupport.await(
        new ContainerDeployer(vertx, router, TradingContainers.registry()).deploy(List.of(recorder)));
    InboxHandler inbox = (e, tx) -> {
      ReliableDelivery d = ReliableDelivery.of(e).orElseThrow();
      return tx.preparedQuery("INSERT INTO " + effects + " VALUES ($1, $2, $3)")
          .execute(Tuple.of(d.deliveryId(), seq(e), d.redelivered())).mapEmpty();
    };
    JournalTestSupport.await(router.subscribe(Subscription.of("inbox-writer", "risk", EventType.ORDER), inbox));

    if (mode.equals("publish")) {
      publish(router, dir, first, n);
      System.out.println("PUBLISHED ALL");
    }
    JournalTestSupport.eventually(Duration.ofSeconds(120), () -> tier.status().pending() == 0, "all confirmed");
    System.out.println("IDLE");
    JournalTestSupport.await(containers.undeploy());
    JournalTestSupport.await(router.close());
    JournalTestSupport.await(vertx.close());
    System.exit(0);
  }

  /**
   * Publishes; a refusal for back-pressure (too many unconfirmed) is tried again shortly, as a
   * real publisher would; an acknowledged publish is appended to published.txt.
   */
  private static void publishUntilTaken(TieredEventRouter router, Event order, int seq, FileOutputStream published,
      Semaphore window) {
    router.publish(order).onComplete(ar -> {
      if (ar.succeeded()) {
        synchronized (published) {
          try {
            published.write((seq + "\n").getBytes(StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }
        window.release();
      } else if (ar.cause() instanceof BackPressureException) {
        router.vertx().setTimer(2, t -> publishUntilTaken(router, order, seq, published, window));
      } else {
        System.out.println("PUBLISH FAILED " + seq + " " + ar.cause());
        window.release();
      }
    });
  }

  private static int seq(Event e) {
    return Integer.parseInt(e.payloadAs(Order.class).orderId().substring(2));
  }

  /** Publishes {@code n} orders from {@code first} on with at most {@value #PUBLISH_WINDOW} unacknowledged. */
  private static void publish(TieredEventRouter router, Path dir, int first, int n)
      throws IOException, InterruptedException {
    FileOutputStream published = new FileOutputStream(dir.resolve("published.txt").toFile(), true);
    Semaphore window = new Semaphore(PUBLISH_WINDOW);
    for (int i = first; i < first + n; i++) {
      window.acquire();
      final int seq = i;
      Event order = Event.of(EventType.ORDER, "risk", "SYM" + (i % 8), i,
          new Order("o-" + seq, Side.BUY, 1, Double.NaN, "crash test"));
      publishUntilTaken(router, order, seq, published, window);
    }
    window.acquire(PUBLISH_WINDOW);
  }
}
