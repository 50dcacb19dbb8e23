package dev.tierbus.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Direction;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Signal;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class StandardTierTest {

  private static Event signal(String source, String symbol, int seq) {
    return Event.of(EventType.SIGNAL, source, symbol, seq, new Signal(Direction.LONG, 0.5, "test", source));
  }

  @Test
  void handlersRunOffTheEventLoop(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    List<Boolean> onEventLoop = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    // subscribed from an event-loop context, from a worker context and from a plain thread
    Context eventLoop = vertx.getOrCreateContext();
    Future<SubscriptionHandle> fromEventLoop = Future.future(p -> eventLoop.runOnContext(v ->
        router.subscribe(Subscription.of("el", "strategy", EventType.SIGNAL), e -> {
          onEventLoop.add(Context.isOnEventLoopThread());
          threads.add(Thread.currentThread().getName());
        }).onComplete(p)));
    Future<String> fromWorker = vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        return router.subscribe(Subscription.of("worker", "strategy", EventType.SIGNAL), e -> {
          onEventLoop.add(Context.isOnEventLoopThread());
          threads.add(Thread.currentThread().getName());
        });
      }
    }, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER));
    Future<SubscriptionHandle> fromThread = router.subscribe(Subscription.of("plain", "strategy", EventType.SIGNAL), e -> {
      onEventLoop.add(Context.isOnEventLoopThread());
      threads.add(Thread.currentThread().getName());
    });
    Future.all(fromEventLoop, fromWorker, fromThread)
        .compose(v -> {
          List<Future<Void>> all = new ArrayList<>();
          for (int i = 0; i < 20; i++) {
            all.add(router.publish(signal("strategy", "AAPL", i)));
          }
          return Future.all(all);
        })
        .onFailure(ctx::failNow);
    vertx.setPeriodic(10, id -> {
      if (onEventLoop.size() == 60) {
        vertx.cancelTimer(id);
        ctx.verify(() -> {
          assertThat(onEventLoop).containsOnly(false);
          assertThat(threads).noneMatch(t -> t.contains("eventloop"));
          assertThat(router.metrics().standard().delivered()).isEqualTo(60);
          assertThat(router.metrics().standard().latency().count()).isEqualTo(60);
        });
        ctx.completeNow();
      }
    });
  }

  @Test
  void fullQueueRejectsWithBackPressure(Vertx vertx, VertxTestContext ctx) throws Exception {
    RouterOptions options = new RouterOptions();
    options.getStandard().setQueueSize(5).setDrainBatchSize(1);
    TieredEventRouter router = TieredEventRouter.create(vertx, options);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch firstHandled = new CountDownLatch(1);
    AtomicInteger handled = new AtomicInteger();
    SubscriptionHandle slow = router.subscribe(Subscription.of("slow", "strategy", EventType.SIGNAL), e -> {
      firstHandled.countDown();
      release.await(30, TimeUnit.SECONDS);
      handled.incrementAndGet();
    }).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

    router.publish(signal("strategy", "AAPL", 0));
    assertThat(firstHandled.await(5, TimeUnit.SECONDS)).isTrue();
    List<Future<Void>> results = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      results.add(router.publish(signal("strategy", "AAPL", i)));
    }
    ctx.verify(() -> {
      // one event is in the blocked handler, five wait in the queue, the rest are refused
      long failed = results.stream().filter(Future::failed).count();
      assertThat(failed).isEqualTo(15);
      Throwable cause = results.get(19).cause();
      assertThat(cause).isInstanceOf(BackPressureException.class);
      assertThat(((BackPressureException) cause).rejectedBy()).containsExactly("slow");
      assertThat(slow.rejected()).isEqualTo(15);
      assertThat(slow.queueDepth()).isEqualTo(5);
      assertThat(router.metrics().standard().rejected()).isEqualTo(15);
    });
    release.countDown();
    vertx.setPeriodic(10, id -> {
      if (handled.get() == 6) {
        vertx.cancelTimer(id);
        ctx.verify(() -> assertThat(slow.queueDepth()).isZero());
        ctx.completeNow();
      }
    });
  }

  @Test
  void eachSubscriberGetsItsEventsInPublishOrder(Vertx vertx, VertxTestContext ctx) {
    RouterOptions options = new RouterOptions();
    options.getStandard().setQueueSize(100_000);
    TieredEventRouter router = TieredEventRouter.create(vertx, options);
    int n = 20_000;
    List<List<Long>> seen = new ArrayList<>();
    List<Future<SubscriptionHandle>> subs = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      List<Long> list = new ArrayList<>();
      seen.add(list);
      // handlers of one subscription never overlap, so a plain list is safe here
      subs.add(router.subscribe(Subscription.of("sub" + s, "strategy", EventType.SIGNAL), e -> list.add(e.timeNanos())));
    }
    Future.all(subs).onComplete(ctx.succeeding(v -> {
      for (int i = 0; i < n; i++) {
        router.publish(signal("strategy", "AAPL", i));
      }
      vertx.setPeriodic(10, id -> {
        if (router.metrics().standard().delivered() == 4L * n) {
          vertx.cancelTimer(id);
          ctx.verify(() -> {
            for (List<Long> list : seen) {
              synchronized (list) {
                assertThat(list).hasSize(n);
                for (int i = 0; i < n; i++) {
                  assertThat(list.get(i)).isEqualTo(i);
                }
              }
            }
          });
          ctx.completeNow();
        }
      });
    }));
  }

  @Test
  void aFailingHandlerIsCountedAndKeepsReceiving(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    AtomicInteger calls = new AtomicInteger();
    List<Throwable> reported = new CopyOnWriteArrayList<>();
    router.exceptionHandler(reported::add);
    router.subscribe(Subscription.of("flaky", "strategy", EventType.SIGNAL), e -> {
      if (calls.incrementAndGet() % 2 == 1) {
        throw new IllegalStateException("boom " + e.timeNanos());
      }
    }).onComplete(ctx.succeeding(h -> {
      for (int i = 0; i < 10; i++) {
        router.publish(signal("strategy", "AAPL", i));
      }
      vertx.setPeriodic(10, id -> {
        if (calls.get() == 10) {
          vertx.cancelTimer(id);
          ctx.verify(() -> {
            assertThat(router.metrics().standard().errors()).isEqualTo(5);
            assertThat(reported).hasSize(5);
            assertThat(reported.get(0)).hasMessage("boom 0");
          });
          ctx.completeNow();
        }
      });
    }));
  }

  @Test
  void unsubscribeDrainsWhatIsQueued(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    AtomicInteger got = new AtomicInteger();
    router.subscribe(Subscription.of("sub", "strategy", EventType.SIGNAL), e -> {
      Thread.sleep(1);
      got.incrementAndGet();
    }).onComplete(ctx.succeeding(h -> {
      for (int i = 0; i < 50; i++) {
        router.publish(signal("strategy", "AAPL", i));
      }
      h.unsubscribe().onComplete(ctx.succeeding(settled -> ctx.verify(() -> {
        assertThat(got.get()).isEqualTo(50);
        assertThat(router.publish(signal("strategy", "AAPL", 99)).succeeded()).isTrue();
        assertThat(router.routes()).isEmpty();
        ctx.completeNow();
      })));
    }));
  }
}
