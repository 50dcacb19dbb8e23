package dev.tierbus.trading.analysis;

import dev.tierbus.container.ValidatingFactory;
import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerFactory;
import dev.tierbus.container.Emitter;
import dev.tierbus.event.AnalysisReport;
import dev.tierbus.event.Bar;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Fill;
import dev.tierbus.event.PortfolioUpdate;
import dev.tierbus.trading.support.PublishFailures;
import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performance analysis of a run: container type {@code analysis}.
 *
 * <pre>
 *   PORTFOLIO_UPDATE (portfolio) ──► equity curve, one point per bar time ─┐
 *   FILL (execution)             ──► round trips, FIFO ────────────────────┼─► AnalysisResult ──► ANALYSIS_REPORT
 *   BAR (data, optional)         ──► last closes, to mark open trades ─────┘          (every N points, at the end)
 * </pre>
 *
 * <p>The formulas are {@link PerformanceMath}'s. {@link #result()} gives the full result (metrics,
 * trades, curve) at any time, from any thread — what the backtest command hands to the report
 * writer. An ANALYSIS_REPORT (the metrics only) is published every {@code report_every_bars}
 * completed equity points, on {@link #publishReport()}, and once more, marked final, when the
 * container is undeployed.
 */
public final class AnalysisContainer extends Container {

  private static final Logger log = LoggerFactory.getLogger(AnalysisContainer.class);

  private final AnalysisConfig config;
  private PerformanceTracker tracker = new PerformanceTracker();
  private PublishFailures failures;
  private volatile long updatesIn;
  private volatile long fillsIn;
  private final AtomicLong reportsOut = new AtomicLong();
  private long lastEventTime;

  public AnalysisContainer(AnalysisConfig config) {
    this.config = config;
  }

  /** Factory of {@code analysis}. */
  public static ContainerFactory factory() {
    return new ValidatingFactory<>("analysis", AnalysisConfig::read, (spec, config) -> new AnalysisContainer(config));
  }

  @Override
  protected Future<?> setUp() {
    failures = new PublishFailures(log, "analysis " + id());
    if (inherited() instanceof PerformanceTracker predecessor) {
      tracker = predecessor;
      log.info("analysis {}: took over the equity curve and trades of the container it replaces", id());
    }
    addComponent("performance", this::onEvent);
    return Future.succeededFuture();
  }

  private void onEvent(Event event, Emitter out) {
    switch (event.type()) {
      case PORTFOLIO_UPDATE -> {
        if (event.payload() instanceof PortfolioUpdate update) {
          updatesIn++;
          boolean completed;
          int points;
          synchronized (tracker) {
            completed = tracker.onPortfolioUpdate(event.timeNanos(), update);
            points = tracker.curve().completed();
            lastEventTime = Math.max(lastEventTime, event.timeNanos());
          }
          if (completed && config.reportEveryBars() > 0 && points % config.reportEveryBars() == 0) {
            publish(false);
          }
        }
      }
      case FILL -> {
        if (event.payload() instanceof Fill fill) {
          fillsIn++;
          synchronized (tracker) {
            tracker.onFill(event.symbol(), event.timeNanos(), fill);
            lastEventTime = Math.max(lastEventTime, event.timeNanos());
          }
        }
      }
      case BAR -> {
        if (event.payload() instanceof Bar bar) {
          synchronized (tracker) {
            tracker.onPrice(event.symbol(), bar.close());
          }
        }
      }
      default -> {
        // not the analysis' business
      }
    }
  }

  /** The analysis of everything received so far; open trades marked at the last closes. */
  public AnalysisResult result() {
    synchronized (tracker) {
      return tracker.result();
    }
  }

  /**
   * Publishes a final ANALYSIS_REPORT of the result so far (e.g. when a backtest's data ended).
   * Completes when the router took it.
   */
  public Future<Void> publishReport() {
    return publish(true);
  }

  private Future<Void> publish(boolean finalReport) {
    AnalysisReport report;
    long time;
    synchronized (tracker) {
      report = tracker.result().toReport(finalReport);
      time = lastEventTime;
    }
    reportsOut.incrementAndGet();
    return publishExternal(event(EventType.ANALYSIS_REPORT, null, time, report))
        .onFailure(failures.of(EventType.ANALYSIS_REPORT));
  }

  /** The equity curve and trades so far go to the analysis container that replaces this one. */
  @Override
  protected Object handOver() {
    return tracker;
  }

  @Override
  protected Future<?> tearDown() {
    AnalysisReport last = result().toReport(true);
    log.info("analysis {}: {} equity points, total return {}, max drawdown {}, {} trades", id(),
        last.equityPoints(), last.totalReturn(), last.maxDrawdown(), last.tradeCount());
    return publish(true).otherwiseEmpty();
  }

  public AnalysisConfig analysisConfig() {
    return config;
  }

  /** PORTFOLIO_UPDATEs received. */
  public long updatesIn() {
    return updatesIn;
  }

  /** FILLs received. */
  public long fillsIn() {
    return fillsIn;
  }

  /** ANALYSIS_REPORTs published. */
  public long reportsOut() {
    return reportsOut.get();
  }
}
