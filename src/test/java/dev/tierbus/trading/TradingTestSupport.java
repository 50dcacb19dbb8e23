package dev.tierbus.trading;

import dev.tierbus.testing.Conditions;
import java.time.Duration;
import dev.tierbus.event.Bar;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import dev.tierbus.container.ContainerDeployer.ContainerDeployment;
import dev.tierbus.router.TieredEventRouter;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Helpers shared by the trading tests. */
public final class TradingTestSupport {

  /** 2024-01-02T14:30:00Z in nanoseconds. */
  public static final long T0 = 1_704_205_800_000_000_000L;
  public static final long MINUTE = 60_000_000_000L;

  private TradingTestSupport() {}

  /** A 1min bar whose open, high, low and close are all {@code close}. */
  public static Bar bar(double close) {
    return new Bar("1min", close, close, close, close, 1000);
  }

  /** The i-th 1min BAR of {@code symbol} from {@code source}, closing at {@code close}. */
  public static Event barEvent(String source, String symbol, int i, double close) {
    return Event.of(EventType.BAR, source, symbol, T0 + i * MINUTE, bar(close));
  }

  /** Completes when {@code condition} holds, fails after {@code timeoutMs} with {@code what}. */
  public static Future<Void> eventually(Vertx vertx, BooleanSupplier condition, long timeoutMs, Supplier<String> what) {
    return Conditions.eventually(vertx, condition, Duration.ofMillis(timeoutMs), 0,
        () -> "timed out after " + timeoutMs + " ms waiting for " + what.get());
  }

  /**
   * Undeploys and closes the router from a thread that is no Vert.x context. Test callbacks
   * often run on a container's context; waiting there for that container's own undeploy would
   * wait on the context that has to run it, so the tests step off the context first.
   */
  public static Future<Void> shutDown(ContainerDeployment deployment, TieredEventRouter router) {
    Promise<Void> done = Promise.promise();
    ForkJoinPool.commonPool().execute(() -> deployment.undeploy().compose(v -> router.close()).onComplete(done));
    return done.future();
  }

  /** Completes after {@code ms}. */
  public static Future<Void> sleep(Vertx vertx, long ms) {
    Promise<Void> p = Promise.promise();
    vertx.setTimer(ms, id -> p.complete());
    return p.future();
  }
}
