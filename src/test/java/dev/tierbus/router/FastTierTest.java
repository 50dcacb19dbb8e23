package dev.tierbus.router;

import dev.tierbus.testing.Conditions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventBatch;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Tick;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class FastTierTest {

  private static Event tick(String source, String symbol, long seq) {
    return Event.of(EventType.TICK, source, symbol, seq, new Tick(seq, 1));
  }

  /** A router on {@code vertx} whose fast tier runs with {@code fast}. */
  private static TieredEventRouter fastRouter(Vertx vertx, FastTierOptions fast) {
    return TieredEventRouter.create(vertx, new RouterOptions().setFast(fast));
  }

  /** Runs {@code body} on a fresh event-loop context and returns what it returns. */
  private static <T> Future<T> onContext(Vertx vertx, java.util.function.Supplier<Future<T>> body) {
    Promise<T> p = Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> body.get().onComplete(p));
    return p.future();
  }

  @Test
  void sameEventInstanceReachesEverySubscriberInJvm(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    List<Event> a = new CopyOnWriteArrayList<>();
    List<Event> b = new CopyOnWriteArrayList<>();
    List<Event> sent = new ArrayList<>();
    router.subscribe(Subscription.of("a", "feed", EventType.TICK), a::add)
        .compose(h -> router.subscribe(Subscription.of("b", null, EventType.TICK), b::add))
        .compose(h -> onContext(vertx, () -> {
          SourcePublisher p = router.publisher("feed");
          for (int i = 0; i < 10; i++) {
            Event e = tick("feed", "AAPL", i);
            sent.add(e);
            p.publish(e);
          }
          p.flush();
          return Future.succeededFuture();
        }))
        .onFailure(ctx::failNow);
    vertx.setPeriodic(5, id -> {
      if (a.size() == 10 && b.size() == 10) {
        vertx.cancelTimer(id);
        ctx.verify(() -> {
          for (int i = 0; i < 10; i++) {
            assertThat(a.get(i)).isSameAs(sent.get(i));
            assertThat(b.get(i)).isSameAs(sent.get(i));
          }
        });
        ctx.completeNow();
      }
    });
  }

  /** The fast batches sent on {@code vertx}'s event bus from now on, one entry per message. */
  private static List<EventBatch> batchesSent(Vertx vertx) {
    List<EventBatch> batches = new CopyOnWriteArrayList<>();
    vertx.eventBus().addOutboundInterceptor(dc -> {
      if (dc.body() instanceof EventBatch batch) {
        batches.add(batch);
      }
      dc.next();
    });
    return batches;
  }

  private static List<Integer> sizes(List<EventBatch> batches) {
    return batches.stream().map(EventBatch::size).toList();
  }

  @Test
  void batchesFlushOnSize(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = fastRouter(vertx, new FastTierOptions().setBatchSize(10).setMaxBatchAgeMs(60_000));
    List<EventBatch> batches = batchesSent(vertx);
    AtomicInteger received = new AtomicInteger();
    router.subscribe(Subscription.of("sub", "feed", EventType.TICK), e -> received.incrementAndGet())
        .compose(h -> onContext(vertx, () -> {
          SourcePublisher p = router.publisher("feed");
          for (int i = 0; i < 25; i++) {
            p.publish(tick("feed", "AAPL", i));
          }
          return Future.succeededFuture();
        }))
        .onFailure(ctx::failNow);
    Conditions.eventually(vertx, () -> received.get() >= 20).onComplete(ctx.succeeding(settled -> ctx.verify(() -> {
      // two full batches went out on size; the last 5 wait for the 60 s age
      assertThat(sizes(batches)).containsExactly(10, 10);
      assertThat(received.get()).isEqualTo(20);
      assertThat(batches.get(0).get(0).timeNanos()).isEqualTo(0);
      assertThat(batches.get(1).get(0).timeNanos()).isEqualTo(10);
      ctx.completeNow();
    })));
  }

  @Test
  void batchesFlushOnAge(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = fastRouter(vertx, new FastTierOptions().setBatchSize(1000).setMaxBatchAgeMs(80));
    List<EventBatch> batches = batchesSent(vertx);
    AtomicLong publishedAt = new AtomicLong();
    AtomicLong firstArrival = new AtomicLong();
    AtomicInteger received = new AtomicInteger();
    router.subscribe(Subscription.of("sub", "feed", EventType.TICK), e -> {
          firstArrival.compareAndSet(0, System.nanoTime());
          received.incrementAndGet();
        })
        .compose(h -> onContext(vertx, () -> {
          SourcePublisher p = router.publisher("feed");
          publishedAt.set(System.nanoTime());
          for (int i = 0; i < 5; i++) {
            p.publish(tick("feed", "AAPL", i));
          }
          return Future.succeededFuture();
        }))
        .onFailure(ctx::failNow);
    vertx.setPeriodic(5, id -> {
      if (received.get() == 5) {
        vertx.cancelTimer(id);
        ctx.verify(() -> {
          long waitedMs = TimeUnit.NANOSECONDS.toMillis(firstArrival.get() - publishedAt.get());
          assertThat(waitedMs).isGreaterThanOrEqualTo(75);
          assertThat(sizes(batches)).containsExactly(5);
        });
        ctx.completeNow();
      }
    });
  }

  @Test
  void orderIsKeptPerSourceAndSymbol(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = fastRouter(vertx,
        new FastTierOptions().setBatchSize(64).setMaxBatchAgeMs(1).setMaxPendingBatches(100_000));
    String[] symbols = {"AAPL", "MSFT", "GOOG", "AMZN"};
    int perSymbol = 5_000;
    Map<String, List<Long>> seen = Collections.synchronizedMap(new HashMap<>());
    AtomicInteger received = new AtomicInteger();
    router.subscribe(Subscription.of("sub", "feed", EventType.TICK), e -> {
          seen.computeIfAbsent(e.symbol(), k -> new ArrayList<>()).add((long) ((Tick) e.payload()).price());
          received.incrementAndGet();
        })
        .compose(h -> onContext(vertx, () -> {
          SourcePublisher p = router.publisher("feed");
          for (int i = 0; i < perSymbol; i++) {
            for (String s : symbols) {
              p.publish(tick("feed", s, i));
            }
          }
          p.flush();
          return Future.succeededFuture();
        }))
        .onFailure(ctx::failNow);
    vertx.setPeriodic(10, id -> {
      if (received.get() == perSymbol * symbols.length) {
        vertx.cancelTimer(id);
        ctx.verify(() -> {
          for (String s : symbols) {
            List<Long> got = seen.get(s);
            assertThat(got).hasSize(perSymbol);
            for (int i = 0; i < perSymbol; i++) {
              assertThat(got.get(i)).as("%s event %d", s, i).isEqualTo(i);
            }
          }
        });
        ctx.completeNow();
      }
    });
  }

  @Test
  void blockedSubscriberNeverBlocksThePublisherAndDropsAreCounted(Vertx vertx, VertxTestContext ctx) throws Exception {
    TieredEventRouter router = fastRouter(vertx,
        new FastTierOptions().setBatchSize(100).setMaxBatchAgeMs(60_000).setMaxPendingBatches(4));
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger slowGot = new AtomicInteger();
    AtomicInteger fastGot = new AtomicInteger();
    List<SubscriptionHandle> handles = new CopyOnWriteArrayList<>();
    // the slow subscriber lives on a worker context, where blocking is allowed
    vertx.deployVerticle(new VerticleBase() {
          @Override
          public Future<?> start() {
            return router.subscribe(Subscription.of("slow", "feed", EventType.TICK), e -> {
              release.await(30, TimeUnit.SECONDS);
              slowGot.incrementAndGet();
            }).onSuccess(handles::add);
          }
        }, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
        .compose(id -> router.subscribe(Subscription.of("quick", "feed", EventType.TICK), e -> fastGot.incrementAndGet()))
        .onSuccess(handles::add)
        .compose(h -> onContext(vertx, () -> {
          // one batch per event-loop turn, as a feed would: the quick subscriber keeps up
          SourcePublisher p = router.publisher("feed");
          Context here = Vertx.currentContext();
          Promise<Long> done = Promise.promise();
          long start = System.nanoTime();
          publishBatches(here, p, 0, 100, start, done);
          return done.future();
        }))
        .onComplete(ctx.succeeding(publishMs -> vertx.setPeriodic(10, id -> {
          if (fastGot.get() == 10_000) {
            vertx.cancelTimer(id);
            ctx.verify(() -> {
              SubscriptionHandle slow = handles.get(0);
              // 100 batches of 100: the slow one holds 4 pending, every later batch is dropped
              assertThat(slow.dropped()).isGreaterThanOrEqualTo(9_000);
              assertThat(router.metrics().fast().dropped()).isEqualTo(slow.dropped());
              assertThat(handles.get(1).dropped()).isZero();
              assertThat(publishMs).isLessThan(5_000);
            });
            release.countDown();
            vertx.setPeriodic(10, id2 -> {
              SubscriptionHandle slow = handles.get(0);
              if (slow.delivered() + slow.dropped() == 10_000) {
                vertx.cancelTimer(id2);
                ctx.verify(() -> assertThat(slowGot.get()).isEqualTo(slow.delivered()).isLessThanOrEqualTo(400));
                ctx.completeNow();
              }
            });
          }
        })));
  }

  private static void publishBatches(Context here, SourcePublisher p, int batch, int batches, long start,
                                     Promise<Long> done) {
    if (batch == batches) {
      done.complete(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      return;
    }
    for (int i = 0; i < 100; i++) {
      p.publish(tick("feed", "AAPL", batch * 100L + i));
    }
    here.runOnContext(v -> publishBatches(here, p, batch + 1, batches, start, done));
  }

  @Test
  void aPublicationScopeKeepsItsTypesOutOfTheBatchesOfOtherSubscribers(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    // feed publishes BAR to everyone and TICK to its children only
    router.registerContainer("feed", null, List.of(Publication.of(EventType.BAR),
        new Publication(java.util.Set.of(EventType.TICK), null, Scope.CHILDREN, null)));
    router.registerContainer("child", "feed", List.of());
    router.registerContainer("other", null, List.of());
    List<Event> child = new CopyOnWriteArrayList<>();
    List<Event> other = new CopyOnWriteArrayList<>();
    List<Event> sent = new ArrayList<>();
    router.subscribe(Subscription.of("child", "feed", EventType.BAR, EventType.TICK), child::add)
        .compose(h -> router.subscribe(Subscription.of("other", "feed", EventType.BAR, EventType.TICK), other::add))
        .compose(h -> onContext(vertx, () -> {
          SourcePublisher p = router.publisher("feed");
          for (int i = 0; i < 10; i++) {
            sent.add(i % 2 == 0 ? tick("feed", "AAPL", i) : bar(i));
            p.publish(sent.get(i));
          }
          p.flush();
          // a batch of TICKs only: nothing of it is for "other"
          for (int i = 10; i < 15; i++) {
            sent.add(tick("feed", "AAPL", i));
            p.publish(sent.get(i));
          }
          p.flush();
          sent.add(bar(15));
          p.publish(sent.get(15));
          p.flush();
          return Future.succeededFuture();
        }))
        .onFailure(ctx::failNow);
    Conditions.eventually(vertx, () -> child.size() == 16 && other.size() == 6)
        .onComplete(ctx.succeeding(settled -> ctx.verify(() -> {
          assertThat(child).containsExactlyElementsOf(sent);
          assertThat(other).containsExactlyElementsOf(sent.stream().filter(e -> e.type() == EventType.BAR).toList());
          assertThat(router.metrics().fast().delivered()).isEqualTo(22);
          ctx.completeNow();
        })));
  }

  private static Event bar(long seq) {
    return Event.of(EventType.BAR, "feed", "AAPL", seq, new dev.tierbus.event.Bar("1min", 1, 2, 0.5, 1.5, 100));
  }

  @Test
  void fastHandlersRunOnTheSubscribersContext(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    Context subscriberContext = vertx.getOrCreateContext();
    String[] eventLoopThread = new String[1];
    subscriberContext.runOnContext(v -> eventLoopThread[0] = Thread.currentThread().getName());
    subscriberContext.runOnContext(v -> router.subscribe(Subscription.of("sub", "feed", EventType.BAR), e -> {
          Thread subscriberThread = Thread.currentThread();
          ctx.verify(() -> {
            assertThat(Context.isOnEventLoopThread()).isTrue();
            assertThat(subscriberThread.getName()).isEqualTo(eventLoopThread[0]);
          });
          ctx.completeNow();
        })
        .compose(h -> router.publish(Event.of(EventType.BAR, "feed", "AAPL", 1,
            new dev.tierbus.event.Bar("1min", 1, 2, 0.5, 1.5, 100))))
        .onFailure(ctx::failNow));
  }

  @Test
  void publisherRefusesUseOffItsContext(Vertx vertx, VertxTestContext ctx) {
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    SourcePublisher p = router.publisher("feed");
    ctx.verify(() -> org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.publish(tick("feed", "AAPL", 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("off its context"));
    ctx.completeNow();
  }
}
