package dev.tierbus.trading.portfolio;

import dev.tierbus.container.ValidatingFactory;
import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerFactory;
import dev.tierbus.container.Emitter;
import dev.tierbus.event.Bar;
import dev.tierbus.event.BarOpen;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Fill;
import dev.tierbus.event.PortfolioUpdate;
import dev.tierbus.trading.support.PublishFailures;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Positions, cash and equity of the account: container type {@code portfolio}.
 *
 * <pre>
 *   FILL (from execution) ──► PositionBook.apply ─┐
 *   BAR  (from the data)  ──► mark at the close  ──┴─► PORTFOLIO_UPDATE after the turn (latest time)
 *   BAR_OPEN (optional)   ──► mark at the open      (no update: the next fill or bar shows it)
 * </pre>
 *
 * <p>The accounting is {@link PositionBook}'s: average cost, commissions reduce cash and count as
 * realized costs, shorts are negative positions, and at every update
 * {@code equity = cash + Σ position × mark = initial_capital + realized + unrealized}. An update
 * has no symbol (it is about the whole account). Events handled in one turn of the container
 * (the bars of one fast-tier batch — with several symbols, usually every symbol of a bar time —
 * or one batch of fills) give one update after the last of them, stamped with the latest event
 * time: the last update of a bar time is the account marked at every symbol's close of that
 * time, and the work per bar time does not grow with the square of the symbols. A fill the book refuses (no symbol, quantity or price not &gt; 0) is logged and counted.
 */
public final class PortfolioContainer extends Container {

  private static final Logger log = LoggerFactory.getLogger(PortfolioContainer.class);

  private final PortfolioConfig config;
  private PositionBook book;
  private boolean publishQueued;
  private long pendingTime = Long.MIN_VALUE;
  private PublishFailures failures;
  private volatile PortfolioUpdate latest;
  private volatile long fillsIn;
  private volatile long barsIn;
  private volatile long badFills;
  private volatile long updatesOut;

  public PortfolioContainer(PortfolioConfig config) {
    this.config = config;
  }

  /** Factory of {@code portfolio}. */
  public static ContainerFactory factory() {
    return new ValidatingFactory<>("portfolio", PortfolioConfig::read, (spec, config) -> new PortfolioContainer(config));
  }

  @Override
  protected Future<?> setUp() {
    failures = new PublishFailures(log, "portfolio " + id());
    if (inherited() instanceof PositionBook predecessor) {
      book = predecessor;
      log.info("portfolio {}: took over the book of the container it replaces: cash {}, {} positions", id(),
          book.cash(), book.positions().size());
    } else {
      book = new PositionBook(config.initialCapital());
    }
    latest = book.snapshot();
    addComponent("book", this::onEvent);
    return Future.succeededFuture();
  }

  private void onEvent(Event event, Emitter out) {
    switch (event.type()) {
      case FILL -> {
        if (event.payload() instanceof Fill fill) {
          onFill(event, fill);
        }
      }
      case BAR -> {
        if (event.payload() instanceof Bar bar && event.symbol() != null) {
          barsIn++;
          book.mark(event.symbol(), bar.close());
          publish(event.timeNanos());
        }
      }
      case BAR_OPEN -> {
        if (event.payload() instanceof BarOpen open && event.symbol() != null) {
          book.mark(event.symbol(), open.open());
        }
      }
      default -> {
        // not the portfolio's business
      }
    }
  }

  private void onFill(Event event, Fill fill) {
    fillsIn++;
    if (event.symbol() == null) {
      badFills++;
      log.warn("portfolio {}: fill {} has no symbol, ignored", id(), fill);
      return;
    }
    try {
      book.apply(event.symbol(), fill.side(), fill.quantity(), fill.price(), fill.commission());
    } catch (IllegalArgumentException e) {
      badFills++;
      log.warn("portfolio {}: fill {} of {} ignored: {}", id(), fill, event.symbol(), e.getMessage());
      return;
    }
    publish(event.timeNanos());
  }

  /**
   * Publishes the state once the events handled together with this one are done: one update
   * per turn of the container (a fast-tier batch of bars, a batch of fills), stamped with the
   * latest event time, so the cost per bar time does not grow with the number of symbols. The
   * pending update counts as work in flight, so a backtest clock waits for it.
   */
  private void publish(long timeNanos) {
    pendingTime = Math.max(pendingTime, timeNanos);
    if (publishQueued) {
      return;
    }
    publishQueued = true;
    router().inFlight().begin(1);
    context.runOnContext(v -> {
      try {
        PortfolioUpdate update = book.snapshot();
        latest = update;
        updatesOut++;
        publishExternal(event(EventType.PORTFOLIO_UPDATE, null, pendingTime, update))
            .onFailure(failures.of(EventType.PORTFOLIO_UPDATE));
      } finally {
        publishQueued = false;
        pendingTime = Long.MIN_VALUE;
        router().inFlight().end(1);
      }
    });
  }

  /** Cash, positions and marks go to the portfolio container that replaces this one. */
  @Override
  protected Object handOver() {
    return book;
  }

  @Override
  protected Future<?> tearDown() {
    if (book != null) {
      log.info("portfolio {}: {} fills, {} bars, equity {}, cash {}, positions {}", id(), fillsIn, barsIn,
          book.equity(), book.cash(), book.positions());
    }
    return Future.succeededFuture();
  }

  public PortfolioConfig portfolioConfig() {
    return config;
  }

  /** The last state published (the initial cash before any fill or bar). */
  public PortfolioUpdate latest() {
    return latest;
  }

  /** Fills received. */
  public long fillsIn() {
    return fillsIn;
  }

  /** Bars received. */
  public long barsIn() {
    return barsIn;
  }

  /** Fills refused by the book. */
  public long badFills() {
    return badFills;
  }

  /** PORTFOLIO_UPDATEs published. */
  public long updatesOut() {
    return updatesOut;
  }

  /** PORTFOLIO_UPDATE publications the router refused. */
  public long failedPublications() {
    return failures == null ? 0 : failures.count();
  }
}
