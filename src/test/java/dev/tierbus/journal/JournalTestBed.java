package dev.tierbus.journal;

import static dev.tierbus.journal.JournalTestSupport.await;

import dev.tierbus.router.ReliableTierOptions;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test's share of the test server ({@link JournalTestSupport}): a Vert.x, a pool for
 * assertions and journal options with a fresh schema. When the test ends the bed undoes what the
 * test started through it, in this order: the steps given to {@link #closeFirst} (last first),
 * the routers made by {@link #router} (in the order they were made), then, whatever those did,
 * the schema and the Vert.x.
 *
 * <p>A test class registers one with {@code @RegisterExtension} on an instance field (a bed per
 * test, opened with the test's instance); a test on its own opens one in a try-with-resources.
 * A step or router close that fails fails the test, unless the bed was made with
 * {@link #routerCloseMayFail()}.
 */
public final class JournalTestBed implements AfterEachCallback, AutoCloseable {

  public final Vertx vertx;
  /** The pool for assertions. */
  public final Pool sql;
  /** The journal options: the test server, the bed's schema and node id. */
  public final JournalOptions journal;
  private final Deque<Supplier<Future<?>>> firstSteps = new ArrayDeque<>();
  private final List<TieredEventRouter> routers = new ArrayList<>();
  private boolean routerCloseMayFail;

  /** Opens a bed whose schema is named after {@code name} ({@link JournalTestSupport#freshJournal}). */
  public JournalTestBed(String name) {
    vertx = Vertx.vertx();
    sql = JournalTestSupport.sql(vertx);
    journal = JournalTestSupport.freshJournal(name);
  }

  /** Routers that fail to close do not fail the test (tests that break the journal on purpose). */
  public JournalTestBed routerCloseMayFail() {
    routerCloseMayFail = true;
    return this;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  /** A router on the bed's Vert.x with the reliable tier configured by {@code reliable}, closed with the bed. */
  public TieredEventRouter router(ReliableTierOptions reliable) {
    return router(vertx, reliable);
  }

  /** A router on {@code on} with the reliable tier configured by {@code reliable}, closed with the bed. */
  public TieredEventRouter router(Vertx on, ReliableTierOptions reliable) {
    TieredEventRouter router = TieredEventRouter.create(on, new RouterOptions().setReliable(reliable));
    routers.add(router);
    return router;
  }

  /** Closes a router made by {@link #router} now (a failure fails the test), and not again with the bed. */
  public void closeRouter(TieredEventRouter router) {
    await(router.close());
    routers.remove(router);
  }

  /** Installs the reliable tier on {@code router} with the bed's journal; fails the test when it is unreachable. */
  public ReliableTier install(TieredEventRouter router) {
    return install(router, journal);
  }

  /** Installs the reliable tier on {@code router} with {@code options}; fails the test when it is unreachable. */
  public ReliableTier install(TieredEventRouter router, JournalOptions options) {
    return JournalTestSupport.requireReachable(await(ReliableTiers.install(router, options)));
  }

  /** Runs {@code step} when the bed closes, before the routers are closed (an undeployment, say). */
  public void closeFirst(Supplier<Future<?>> step) {
    firstSteps.push(step);
  }

  @Override
  public void close() {
    try {
      while (!firstSteps.isEmpty()) {
        await(firstSteps.pop().get());
      }
      for (TieredEventRouter r : routers) {
        await(routerCloseMayFail ? r.close().recover(e -> Future.succeededFuture()) : r.close());
      }
    } finally {
      try {
        JournalTestSupport.dropSchema(sql, journal);
      } finally {
        await(vertx.close());
      }
    }
  }
}
