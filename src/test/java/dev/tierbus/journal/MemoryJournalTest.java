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
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@code memory} journal: the same delivery contract, without durability (backtests). */
@Timeout(30)
class MemoryJournalTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void tearDown() {
    await(vertx.close());
  }

  private static Event order(int n) {
    return Event.of(EventType.ORDER, "risk", "AAPL", n, new Order("o-" + n, Side.BUY, 1, Double.NaN, "t"));
  }

  private TieredEventRouter router(ReliableTierOptions options) {
    return TieredEventRouter.create(vertx, new RouterOptions().setReliable(options));
  }

  /**
   * Confirmations arriving one after the other are recorded together: a small batch waits a
   * few milliseconds for more instead of costing a transaction each (1 000 confirmations
   * written one by one would be 1 000 writes).
   */
  @Test
  void confirmationsAreRecordedInFewWrites() {
    TieredEventRouter router = router(new ReliableTierOptions());
    ReliableTier tier = await(ReliableTiers.install(router, new JournalOptions().setStore(JournalOptions.Store.MEMORY)));
    AtomicInteger handled = new AtomicInteger();
    await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), e -> handled.incrementAndGet()));
    List<io.vertx.core.Future<Void>> published = new java.util.ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      published.add(router.publish(order(i)));
    }
    await(io.vertx.core.Future.all(published));
    eventually(WAIT, () -> tier.status().pending() == 0, "all confirmed");
    await(router.close());
    assertThat(handled.get()).isEqualTo(1_000);
    assertThat(tier.metrics().details().getLong("outcome_writes")).isBetween(1L, 250L);
  }

  @Test
  void deliversRetriesAndDeadLettersWithoutADatabase() {
    TieredEventRouter router = router(new ReliableTierOptions().setBaseDelayMs(10).setRetryAttempts(2));
    ReliableTier tier = await(ReliableTiers.install(router, new JournalOptions().setStore(JournalOptions.Store.MEMORY)));
    assertThat(tier.status().reachable()).isTrue();
    assertThat(tier.status().description()).contains("memory");
    AtomicInteger calls = new AtomicInteger();
    List<String> ok = new CopyOnWriteArrayList<>();
    await(router.subscribe(Subscription.of("execution", "risk", EventType.ORDER), e -> {
      calls.incrementAndGet();
      String id = e.payloadAs(Order.class).orderId();
      if (id.equals("o-1") && ok.size() < 100) {
        throw new IllegalStateException("refused");
      }
      ok.add(id);
    }));
    for (int i = 0; i < 3; i++) {
      await(router.publish(order(i)));
    }
    eventually(WAIT, () -> ok.size() == 2 && tier.status().deadLetters() == 1, "two delivered, one dead");
    assertThat(ok).containsExactly("o-0", "o-2");
    DeadLetterPage page = await(tier.deadLetters().list(DeadLetterQuery.all()));
    assertThat(page.letters()).singleElement().satisfies(l -> {
      assertThat(l.event().payloadAs(Order.class).orderId()).isEqualTo("o-1");
      assertThat(l.attempts()).isEqualTo(2);
      assertThat(l.lastError()).contains("refused");
    });
    assertThat(await(tier.deadLetters().discard(page.letters().get(0).deliveryId()))).isTrue();
    assertThat(await(tier.deadLetters().list(DeadLetterQuery.all())).letters()).isEmpty();
    await(router.close());
  }

  @Test
  void anInboxHandlerIsRefusedClearlyWithoutPostgres() {
    TieredEventRouter router = router(new ReliableTierOptions().setBaseDelayMs(10).setRetryAttempts(1));
    ReliableTier tier = await(ReliableTiers.install(router, new JournalOptions().setStore(JournalOptions.Store.MEMORY)));
    await(router.subscribe(Subscription.of("ledger", "risk", EventType.ORDER),
        (InboxHandler) (e, tx) -> Future.succeededFuture()));
    await(router.publish(order(1)));
    eventually(WAIT, () -> tier.status().deadLetters() == 1, "dead");
    DeadLetter letter = await(tier.deadLetters().list(DeadLetterQuery.all())).letters().get(0);
    assertThat(letter.lastError()).contains("inbox handlers need the postgresql journal");
    await(router.close());
  }
}
