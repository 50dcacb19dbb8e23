package dev.tierbus.journal;

import static dev.tierbus.journal.JournalTestSupport.await;
import static dev.tierbus.journal.JournalTestSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Order;
import dev.tierbus.event.Side;
import dev.tierbus.router.ReliableTierOptions;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded journal a fresh machine runs on: a real PostgreSQL started by the process,
 * durable settings on, data kept across restarts.
 */
@Timeout(120)
class EmbeddedJournalTest {

  private static Event order(int n) {
    return Event.of(EventType.ORDER, "risk", "AAPL", n, new Order("o-" + n, Side.BUY, 1, Double.NaN, "t"));
  }

  private static String setting(Vertx vertx, EmbeddedJournal server, String name) {
    Pool pool = PgBuilder.pool().connectingTo(new PgConnectOptions().setHost("127.0.0.1").setPort(server.port())
        .setUser("postgres").setDatabase("postgres")).using(vertx).build();
    try {
      return await(pool.query("SHOW " + name).execute()).iterator().next().getString(0);
    } finally {
      await(pool.close());
    }
  }

  @Test
  void runsDurableAndARestartedServerStillHoldsWhatWasNotDelivered(@TempDir Path dir) {
    JournalOptions base = new JournalOptions().setDataDir(dir.resolve("journal").toString()).setNodeId("embedded-test");
    assertThat(base.isConfigured()).isFalse();
    ReliableTierOptions neverConfirmed = new ReliableTierOptions().setRetryAttempts(1000).setBaseDelayMs(60_000)
        .setMaxDelayMs(60_000);

    Vertx vertx = Vertx.vertx();
    try {
      EmbeddedJournal server = await(EmbeddedJournal.start(vertx, base), Duration.ofSeconds(60));
      assertThat(setting(vertx, server, "fsync")).isEqualTo("on");
      assertThat(setting(vertx, server, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(vertx, server, "full_page_writes")).isEqualTo("on");
      TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions().setReliable(neverConfirmed));
      ReliableTier tier = await(ReliableTiers.install(router, server.connectOptions(base)));
      assertThat(tier.status().reachable()).as("%s", tier.status()).isTrue();
      await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), e -> {
        throw new IllegalStateException("not yet");
      }));
      for (int i = 0; i < 5; i++) {
        await(router.publish(order(i)));
      }
      await(router.close());
      await(server.stop());
    } finally {
      await(vertx.close());
    }

    Vertx again = Vertx.vertx();
    try {
      EmbeddedJournal server = await(EmbeddedJournal.start(again, base), Duration.ofSeconds(60));
      TieredEventRouter router = TieredEventRouter.create(again, new RouterOptions());
      ReliableTier tier = await(ReliableTiers.install(router, server.connectOptions(base)));
      assertThat(tier.metrics().details().getLong("recovered")).isEqualTo(5);
      List<String> got = new CopyOnWriteArrayList<>();
      await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER),
          e -> got.add(e.payloadAs(Order.class).orderId())));
      eventually(Duration.ofSeconds(20), () -> got.size() == 5, "the five are delivered after the restart");
      assertThat(got).containsExactly("o-0", "o-1", "o-2", "o-3", "o-4");
      await(router.close());
      await(server.stop());
    } finally {
      await(again.close());
    }
  }
}
