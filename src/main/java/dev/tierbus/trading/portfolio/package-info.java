/**
 * The account: positions at average cost, cash, realized and unrealized P&amp;L, equity marked to
 * market.
 *
 * <pre>
 *   FILL, BAR (, BAR_OPEN) ──► PortfolioContainer ──► PositionBook ──► PORTFOLIO_UPDATE
 * </pre>
 *
 * {@link dev.tierbus.trading.portfolio.PositionBook} is also the book risk keeps of its own fills.
 */
package dev.tierbus.trading.portfolio;
