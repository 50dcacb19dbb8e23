/**
 * The {@code strategy_ensemble} container: strategies as children on the internal bus, their
 * signals collected per (symbol, bar) and aggregated into one.
 *
 * <pre>
 *   EnsembleContainer ── forwards BAR/INDICATOR ──► children (strategies)
 *          ▲                                             │ SIGNAL (Scope.PARENT)
 *          └── SignalAggregator (EnsembleConfig, AggregationMethod) ◄┘
 *                  └──► one SIGNAL per (symbol, timeframe, bar time) ──► router
 * </pre>
 */
package dev.tierbus.trading.ensemble;
