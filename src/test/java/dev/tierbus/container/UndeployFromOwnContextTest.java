package dev.tierbus.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.event.EventType;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.TieredEventRouter;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class UndeployFromOwnContextTest {

  static final class Finisher extends Container {
    final Promise<Void> undeployed = Promise.promise();

    @Override
    protected void onSystemStarted() {
      // a garbage collection must not close anything the container still runs on
      System.gc();
      // a container that decides it is done undeploys itself
      vertx.undeploy(deploymentID()).onComplete(undeployed);
    }
  }

  @ParameterizedTest
  @EnumSource(Threading.class)
  void aContainerCanUndeployItself(Threading threading, Vertx vertx, VertxTestContext ctx) {
    Finisher finisher = new Finisher();
    ContainerRegistry registry = ContainerRegistry.empty().register("finisher", s -> finisher);
    TieredEventRouter router = TieredEventRouter.create(vertx, new RouterOptions());
    ContainerSpec spec = ContainerSpec.of("f", "finisher").withThreading(threading)
        .withSubscriptions(List.of(Subscription.of("f", "feed", EventType.BAR, EventType.SIGNAL)));
    // say where it stuck if the undeploy Future never completes
    vertx.setTimer(8_000, id -> ctx.failNow(new AssertionError("self-undeploy did not complete; container state "
        + finisher.state() + ", undeploy future " + finisher.undeployed.future())));
    new ContainerDeployer(vertx, router, registry).deploy(List.of(spec))
        .compose(d -> finisher.undeployed.future())
        .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
          assertThat(finisher.state()).isEqualTo(ContainerState.STOPPED);
          assertThat(router.routes()).isEmpty();
          ctx.completeNow();
        })));
  }
}
