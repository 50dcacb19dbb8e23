/**
 * The built-in trading containers. They use the runtime's public API only, as a user's own
 * containers would; the runtime never imports this package.
 *
 * <pre>
 *   data / synthetic_feed ── BAR ──► indicator ── INDICATOR ──►┐
 *                          └─ BAR ──► strategy_ensemble ───────┴─► strategies (internal bus)
 *                                            └── SIGNAL ──► printer, risk, ...
 *   risk ── ORDER ──► execution ── FILL ──► portfolio ── PORTFOLIO_UPDATE ──► analysis ──► report
 * </pre>
 *
 * <p>Sub-packages: {@code data} (synthetic feed, file replay, timeframes), {@code indicator},
 * {@code strategy}, {@code ensemble}, {@code printer}, {@code recorder} (events to JSON Lines
 * and back), {@code risk}, {@code execution}, {@code portfolio}, {@code analysis},
 * {@code report} (files of a run), and {@code support} (parameter reading shared by all).
 * {@link dev.tierbus.trading.TradingContainers} registers them.
 */
package dev.tierbus.trading;
