package dev.tierbus.journal;

import static dev.tierbus.journal.JournalTestSupport.await;
import static dev.tierbus.journal.JournalTestSupport.count;
import static dev.tierbus.journal.JournalTestSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerDeployer;
import dev.tierbus.container.ContainerDeployer.ContainerDeployment;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Fill;
import dev.tierbus.event.Order;
import dev.tierbus.event.Side;
import dev.tierbus.router.ReliableTierOptions;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A container's components decide whether a reliable-tier delivery is confirmed: a throw or a
 * failed Future fails it (retried, then dead-lettered), an asynchronous effect is waited for,
 * and a reliable event published while handling one must be journalled first.
 */
@Timeout(60)
class ComponentConfirmationTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension
  final JournalTestBed bed = new JournalTestBed("components");
  private TieredEventRouter router;
  private ContainerDeployment deployment;

  private void start(ReliableTierOptions reliable, String type, Supplier<Container> factory, ContainerSpec spec) {
    router = bed.router(reliable);
    bed.install(router);
    ContainerRegistry registry = ContainerRegistry.empty().register(type, s -> factory.get());
    deployment = await(new ContainerDeployer(bed.vertx, router, registry).deploy(List.of(spec)));
    bed.closeFirst(deployment::undeploy);
  }

  private static ReliableTierOptions retries(int attempts) {
    return new ReliableTierOptions().setRetryAttempts(attempts).setBaseDelayMs(50).setMaxDelayMs(200)
        .setBackoffMultiplier(2.0).setDeliveryTimeoutMs(5_000);
  }

  private static ContainerSpec broker(String type) {
    return ContainerSpec.of("broker", type)
        .withSubscriptions(List.of(Subscription.of("broker", "risk", EventType.ORDER)));
  }

  private static Event order(int n) {
    return Event.of(EventType.ORDER, "risk", "AAPL", n, Order.market("o-" + n, Side.BUY, 1, "test"));
  }

  private long rows(int status) {
    return count(bed.sql, "SELECT count(*) FROM " + bed.journal.getSchema() + ".delivery WHERE status = $1",
        status);
  }

  private long attempts() {
    return count(bed.sql, "SELECT coalesce(max(attempts), 0) FROM " + bed.journal.getSchema() + ".delivery");
  }

  @Test
  void aComponentThatThrowsFailsTheDeliveryWhichIsRetriedThenDeadLettered() {
    AtomicInteger calls = new AtomicInteger();
    start(retries(3), "throwing", () -> new Container() {
      @Override
      protected Future<?> setUp() {
        addComponent("broken", (event, out) -> {
          calls.incrementAndGet();
          throw new IllegalStateException("venue rejected the connection");
        });
        return Future.succeededFuture();
      }
    }, broker("throwing"));

    await(router.publish(order(1)));

    eventually(WAIT, () -> rows(3) == 1, "the delivery is a dead letter");
    assertThat(calls.get()).isEqualTo(3);
    assertThat(rows(2)).isZero();
    assertThat(attempts()).isEqualTo(3);
    assertThat(deployment.container("broker").componentErrors()).isEqualTo(3);
  }

  @Test
  void anAsynchronousComponentIsConfirmedOnlyWhenItsFutureSucceeds() {
    List<Promise<Void>> effects = new CopyOnWriteArrayList<>();
    start(retries(3), "async", () -> new Container() {
      @Override
      protected Future<?> setUp() {
        addAsyncComponent("slow_write", (event, out) -> {
          Promise<Void> p = Promise.promise();
          effects.add(p);
          return p.future();
        });
        return Future.succeededFuture();
      }
    }, broker("async"));

    await(router.publish(order(1)));
    eventually(WAIT, () -> effects.size() == 1, "the component got the event");
    // no confirmation while the effect is pending (well past an outcome write)
    sleep(300);
    assertThat(rows(1)).isEqualTo(1);
    assertThat(rows(2)).isZero();

    effects.get(0).complete();
    eventually(WAIT, () -> rows(2) == 1, "the delivery is confirmed once the effect is done");
    assertThat(effects).hasSize(1);
  }

  @Test
  void aFailedFutureIsAFailedAttempt() {
    AtomicInteger calls = new AtomicInteger();
    start(retries(3), "flaky", () -> new Container() {
      @Override
      protected Future<?> setUp() {
        addAsyncComponent("flaky_write", (event, out) -> calls.incrementAndGet() == 1
            ? Future.failedFuture(new java.io.IOException("disk full"))
            : Future.succeededFuture());
        return Future.succeededFuture();
      }
    }, broker("flaky"));

    await(router.publish(order(1)));

    eventually(WAIT, () -> rows(2) == 1, "confirmed on the second attempt");
    assertThat(calls.get()).isEqualTo(2);
    assertThat(attempts()).isEqualTo(1);
  }

  @Test
  void anOrderIsNotConfirmedWhileTheFillItCausedCannotBeJournalled() {
    // one unconfirmed delivery per node: the ORDER being handled fills it, so the FILL it
    // causes is refused (back-pressure) and the ORDER must not count as done
    AtomicInteger calls = new AtomicInteger();
    ContainerSpec spec = broker("filling");
    start(retries(2).setMaxInFlight(1), "filling", () -> new Container() {
      @Override
      protected Future<?> setUp() {
        addComponent("fill_at_once", (event, out) -> {
          calls.incrementAndGet();
          Order o = event.payloadAs(Order.class);
          out.publishExternal(out.event(EventType.FILL, event.symbol(), event.timeNanos(),
              new Fill(o.orderId(), o.side(), o.quantity(), 100, 0)));
        });
        return Future.succeededFuture();
      }
    }, spec);
    await(router.subscribe(Subscription.of("portfolio", "broker", EventType.FILL), e -> {}));

    await(router.publish(order(1)));

    eventually(WAIT, () -> rows(3) == 1, "the ORDER is dead-lettered, not confirmed");
    assertThat(calls.get()).isEqualTo(2);
    assertThat(count(bed.sql, "SELECT count(*) FROM " + bed.journal.getSchema() + ".delivery WHERE event_type = $1",
        EventType.FILL.code())).isZero();
  }

  @Test
  void anOrderIsConfirmedOnceTheFillItCausedIsJournalled() {
    List<Event> fills = new CopyOnWriteArrayList<>();
    start(retries(2), "filling", () -> new Container() {
      @Override
      protected Future<?> setUp() {
        addComponent("fill_at_once", (event, out) -> {
          Order o = event.payloadAs(Order.class);
          out.publishExternal(out.event(EventType.FILL, event.symbol(), event.timeNanos(),
              new Fill(o.orderId(), o.side(), o.quantity(), 100, 0)));
        });
        return Future.succeededFuture();
      }
    }, broker("filling"));
    await(router.subscribe(Subscription.of("portfolio", "broker", EventType.FILL), fills::add));

    for (int i = 0; i < 20; i++) {
      await(router.publish(order(i)));
    }

    eventually(WAIT, () -> rows(2) == 40, "20 ORDERs and 20 FILLs delivered");
    assertThat(fills).hasSize(20);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
