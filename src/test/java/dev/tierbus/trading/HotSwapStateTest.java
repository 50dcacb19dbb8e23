package dev.tierbus.trading;

import static dev.tierbus.journal.JournalTestSupport.await;
import static dev.tierbus.journal.JournalTestSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Order;
import dev.tierbus.router.Subscription;
import dev.tierbus.topology.TopologyLoader;
import dev.tierbus.topology.TopologyRuntime;
import dev.tierbus.trading.execution.ExecutionContainer;
import dev.tierbus.trading.execution.PaperBroker;
import dev.tierbus.trading.portfolio.PortfolioContainer;
import dev.tierbus.trading.risk.RiskContainer;
import dev.tierbus.trading.risk.RiskManager;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redeploying the stateful containers of the default topology while it trades (what
 * {@code PUT /api/containers/{id}} does): trading goes on, order ids never repeat, and risk,
 * execution and the portfolio carry their state over instead of starting from
 * {@code initial_capital}.
 */
@Timeout(120)
class HotSwapStateTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  @Test
  void tradingGoesOnAcrossHotSwapsOfRiskExecutionAndPortfolio() throws Exception {
    String yaml = Files.readString(Path.of("verticles.yaml"))
        .replace("bar_interval_ms: 50", "bar_interval_ms: 2")
        + "\njournal: {store: memory}\n";
    Path topology = Files.writeString(dir.resolve("t.yaml"), yaml);
    Vertx vertx = Vertx.vertx();
    ContainerRegistry registry = ContainerRegistry.withDefaults();
    TopologyRuntime runtime = await(TopologyLoader.load(vertx, topology.toString(), registry)
        .compose(t -> TopologyRuntime.deploy(vertx, t, registry)));
    try {
      List<String> orderIds = new CopyOnWriteArrayList<>();
      List<String> filledIds = new CopyOnWriteArrayList<>();
      await(runtime.router().subscribe(Subscription.of("audit", "risk", EventType.ORDER),
          e -> orderIds.add(e.payloadAs(Order.class).orderId())));
      await(runtime.router().subscribe(Subscription.of("audit_fills", "execution", EventType.FILL),
          (Event e) -> filledIds.add(e.payloadAs(dev.tierbus.event.Fill.class).orderId())));
      eventually(WAIT, () -> filledIds.size() >= 4, "a few trades before the swaps");

      RiskContainer oldRisk = (RiskContainer) runtime.containers().get("risk");
      PaperBroker oldBroker = ((ExecutionContainer) runtime.containers().get("execution")).broker();
      for (String id : List.of("risk", "execution", "portfolio")) {
        JsonObject entry = runtime.topology().source().getJsonObject(id).copy();
        await(runtime.redeployContainer(id, entry));
      }
      RiskContainer newRisk = (RiskContainer) runtime.containers().get("risk");
      RiskManager manager = newRisk.manager();
      assertThat(newRisk).isNotSameAs(oldRisk);
      assertThat(manager.book()).as("risk took over its book").isSameAs(oldRisk.manager().book());
      assertThat(manager.book().cash()).as("not started again from initial_capital").isNotEqualTo(100_000.0);
      PaperBroker broker = ((ExecutionContainer) runtime.containers().get("execution")).broker();
      assertThat(broker).isNotSameAs(oldBroker);

      int ordersBefore = orderIds.size();
      int fillsBefore = filledIds.size();
      eventually(WAIT, () -> filledIds.size() >= fillsBefore + 4, "trading goes on after the swaps");
      List<String> newIds = orderIds.subList(ordersBefore, orderIds.size());
      assertThat(orderIds).as("order ids never repeat").doesNotHaveDuplicates();
      String oldStamp = orderIds.get(0).split("-")[1];
      assertThat(newIds).isNotEmpty().allSatisfy(id -> assertThat(id).matches("risk-[0-9a-z]+-\\d+")
          .doesNotStartWith("risk-" + oldStamp + "-"));
      assertThat(broker.reusedIds()).isZero();
      assertThat(broker.duplicateOrders()).isZero();
      PortfolioContainer portfolio = (PortfolioContainer) runtime.containers().get("portfolio");
      assertThat(portfolio.fillsIn()).as("the new portfolio applies fills on top of the old book").isPositive();
    } finally {
      await(runtime.stop());
      await(vertx.close());
    }
  }
}
