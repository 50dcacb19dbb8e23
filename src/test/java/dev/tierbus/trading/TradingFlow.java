package dev.tierbus.trading;

import dev.tierbus.container.ContainerDeployer;
import dev.tierbus.container.ContainerDeployer.ContainerDeployment;
import dev.tierbus.container.ContainerSpec;
import dev.tierbus.event.Bar;
import dev.tierbus.event.BarOpen;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Tier;
import dev.tierbus.router.RouterOptions;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.SubscriptionHandle;
import dev.tierbus.router.TieredEventRouter;
import dev.tierbus.trading.analysis.AnalysisContainer;
import dev.tierbus.trading.execution.ExecutionContainer;
import dev.tierbus.trading.portfolio.PortfolioContainer;
import dev.tierbus.trading.risk.RiskContainer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The trading chain deployed under a real router, driven like a backtest from the test thread:
 *
 * <pre>
 *   "data" (the test) ── BAR_OPEN, BAR ──► [strategy] ── SIGNAL ──► risk ── ORDER ──► execution ── FILL ──► portfolio
 *                                                                    ▲                    │              │
 *                                                                    └──── FILL ──────────┘     PORTFOLIO_UPDATE
 *                                                                                                         ▼
 *                                                                                                      analysis
 * </pre>
 *
 * ORDER, FILL and RISK_ALERT travel on the standard tier (no reliable tier in these tests). Each
 * step publishes, then waits for the router to drain: every event caused by the step has been
 * handled before the next step, as a backtest's clock guarantees. A probe records every SIGNAL,
 * ORDER, FILL, RISK_ALERT, PORTFOLIO_UPDATE and ANALYSIS_REPORT in the order it saw them.
 */
final class TradingFlow implements AutoCloseable {

  static final String DATA = "data";
  static final String STRATEGY = "strategy";

  final TieredEventRouter router;
  final ContainerDeployment deployment;
  final List<Event> seen = new CopyOnWriteArrayList<>();
  private SubscriptionHandle probe;

  private TradingFlow(TieredEventRouter router, ContainerDeployment deployment) {
    this.router = router;
    this.deployment = deployment;
  }

  static RouterOptions routerOptions() {
    return new RouterOptions()
        .setTier(EventType.ORDER, Tier.STANDARD)
        .setTier(EventType.FILL, Tier.STANDARD)
        .setTier(EventType.RISK_ALERT, Tier.STANDARD);
  }

  /**
   * Deploys risk, execution, portfolio and analysis (and {@code strategy}, when given, as the
   * source of signals; otherwise the test publishes them as {@value #STRATEGY}).
   */
  static TradingFlow deploy(Vertx vertx, JsonObject strategy, JsonObject risk, JsonObject execution,
      JsonObject portfolio, JsonObject analysis) {
    TieredEventRouter router = TieredEventRouter.create(vertx, routerOptions());
    List<ContainerSpec> specs = new ArrayList<>();
    if (strategy != null) {
      specs.add(ContainerSpec.of(STRATEGY, TradingContainers.STRATEGY).withParams(strategy)
          .withSubscriptions(List.of(Subscription.of(STRATEGY, DATA, EventType.BAR))));
    }
    specs.add(ContainerSpec.of("risk", TradingContainers.RISK).withParams(risk).withSubscriptions(List.of(
        Subscription.of("risk", STRATEGY, EventType.SIGNAL),
        Subscription.of("risk", DATA, EventType.BAR),
        Subscription.of("risk", "execution", EventType.FILL, EventType.RISK_ALERT))));
    specs.add(ContainerSpec.of("execution", TradingContainers.EXECUTION).withParams(execution)
        .withSubscriptions(List.of(
            Subscription.of("execution", "risk", EventType.ORDER),
            Subscription.of("execution", DATA, EventType.BAR_OPEN, EventType.BAR))));
    specs.add(ContainerSpec.of("portfolio", TradingContainers.PORTFOLIO).withParams(portfolio)
        .withSubscriptions(List.of(
            Subscription.of("portfolio", "execution", EventType.FILL),
            Subscription.of("portfolio", DATA, EventType.BAR_OPEN, EventType.BAR))));
    specs.add(ContainerSpec.of("analysis", TradingContainers.ANALYSIS).withParams(analysis)
        .withSubscriptions(List.of(
            Subscription.of("analysis", "portfolio", EventType.PORTFOLIO_UPDATE),
            Subscription.of("analysis", "execution", EventType.FILL),
            Subscription.of("analysis", DATA, EventType.BAR))));
    // as the backtest job does: order ids stamped alike in every run
    ContainerDeployment deployment = new ContainerDeployer(vertx, router, TradingContainers.registry()
        .register(TradingContainers.RISK, RiskContainer.factory(() -> "0")))
        .deploy(specs).await();
    TradingFlow flow = new TradingFlow(router, deployment);
    flow.probe = router.subscribe(new Subscription("probe", null, EnumSet.of(EventType.SIGNAL, EventType.ORDER, EventType.FILL,
        EventType.RISK_ALERT, EventType.PORTFOLIO_UPDATE, EventType.ANALYSIS_REPORT), null, null), flow.seen::add)
        .await();
    return flow;
  }

  RiskContainer risk() {
    return (RiskContainer) deployment.container("risk");
  }

  ExecutionContainer execution() {
    return (ExecutionContainer) deployment.container("execution");
  }

  PortfolioContainer portfolio() {
    return (PortfolioContainer) deployment.container("portfolio");
  }

  AnalysisContainer analysis() {
    return (AnalysisContainer) deployment.container("analysis");
  }

  /** Publishes {@code event} and waits until everything it caused has been handled. */
  void step(Event event) {
    router.publish(event).await();
    router.inFlight().whenZero().await();
  }

  void barOpen(String symbol, long time, double open) {
    step(Event.of(EventType.BAR_OPEN, DATA, symbol, time, new BarOpen("1D", open)));
  }

  void bar(String symbol, long time, Bar bar) {
    step(Event.of(EventType.BAR, DATA, symbol, time, bar));
  }

  void signal(String symbol, long time, dev.tierbus.event.Signal signal) {
    step(Event.of(EventType.SIGNAL, STRATEGY, symbol, time, signal));
  }

  /** What the probe saw of one type, in order. */
  List<Event> seen(EventType type) {
    return seen.stream().filter(e -> e.type() == type).toList();
  }

  @Override
  public void close() {
    probe.unsubscribe().compose(v -> deployment.undeploy()).compose(v -> router.close()).await();
  }
}
