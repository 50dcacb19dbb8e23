package dev.tierbus.trading;

import dev.tierbus.container.ContainerProvider;
import dev.tierbus.container.ContainerRegistry;
import dev.tierbus.trading.analysis.AnalysisContainer;
import dev.tierbus.trading.data.MarketDataContainer;
import dev.tierbus.trading.data.SyntheticFeedContainer;
import dev.tierbus.trading.ensemble.EnsembleContainer;
import dev.tierbus.trading.execution.ExecutionContainer;
import dev.tierbus.trading.indicator.IndicatorContainer;
import dev.tierbus.trading.portfolio.PortfolioContainer;
import dev.tierbus.trading.printer.PrinterContainer;
import dev.tierbus.trading.recorder.RecorderContainer;
import dev.tierbus.trading.risk.RiskContainer;
import dev.tierbus.trading.strategy.StrategyContainer;

/**
 * The built-in container types, contributed to every {@code ContainerRegistry.withDefaults()}
 * through {@link java.util.ServiceLoader}.
 *
 * <table>
 *   <caption>types</caption>
 *   <tr><th>type</th><th>container</th></tr>
 *   <tr><td>{@value #SYNTHETIC_FEED}</td><td>{@link SyntheticFeedContainer}</td></tr>
 *   <tr><td>{@value #DATA}</td><td>{@link SyntheticFeedContainer} with {@code source: synthetic} (default),
 *       {@link MarketDataContainer} (file replay) with {@code source: csv}</td></tr>
 *   <tr><td>{@value #INDICATOR}</td><td>{@link IndicatorContainer}</td></tr>
 *   <tr><td>{@value #STRATEGY}</td><td>{@link StrategyContainer}</td></tr>
 *   <tr><td>{@value #STRATEGY_ENSEMBLE}</td><td>{@link EnsembleContainer}</td></tr>
 *   <tr><td>{@value #PRINTER}</td><td>{@link PrinterContainer}</td></tr>
 *   <tr><td>{@value #RECORDER}</td><td>{@link RecorderContainer}</td></tr>
 *   <tr><td>{@value #RISK}</td><td>{@link RiskContainer}</td></tr>
 *   <tr><td>{@value #EXECUTION}</td><td>{@link ExecutionContainer}</td></tr>
 *   <tr><td>{@value #PORTFOLIO}</td><td>{@link PortfolioContainer}</td></tr>
 *   <tr><td>{@value #ANALYSIS}</td><td>{@link AnalysisContainer}</td></tr>
 * </table>
 */
public final class TradingContainers implements ContainerProvider {

  public static final String SYNTHETIC_FEED = "synthetic_feed";
  public static final String DATA = "data";
  public static final String INDICATOR = "indicator";
  public static final String STRATEGY = "strategy";
  public static final String STRATEGY_ENSEMBLE = "strategy_ensemble";
  public static final String PRINTER = "printer";
  public static final String RECORDER = "recorder";
  public static final String RISK = "risk";
  public static final String EXECUTION = "execution";
  public static final String PORTFOLIO = "portfolio";
  public static final String ANALYSIS = "analysis";

  @Override
  public void register(ContainerRegistry registry) {
    registry.register(SYNTHETIC_FEED, SyntheticFeedContainer.factory())
        .register(DATA, MarketDataContainer.factory())
        .register(INDICATOR, IndicatorContainer.factory())
        .register(STRATEGY, StrategyContainer.factory())
        .register(STRATEGY_ENSEMBLE, EnsembleContainer.factory())
        .register(PRINTER, PrinterContainer.factory())
        .register(RECORDER, RecorderContainer.factory());
    registry.register(RISK, RiskContainer.factory())
        .register(EXECUTION, ExecutionContainer.factory())
        .register(PORTFOLIO, PortfolioContainer.factory())
        .register(ANALYSIS, AnalysisContainer.factory());
  }

  /** A registry with only the built-in trading types (handy in tests and embedding). */
  public static ContainerRegistry registry() {
    ContainerRegistry registry = ContainerRegistry.empty();
    new TradingContainers().register(registry);
    return registry;
  }
}
