/**
 * Performance analysis of a run.
 *
 * <pre>
 *   PORTFOLIO_UPDATE ──► EquityCurve (one point per bar time) ──┐
 *   FILL ──────────────► RoundTripMatcher (FIFO) ───────────────┼─► AnalysisResult ──► ANALYSIS_REPORT
 *   BAR ───────────────► last closes (open trades) ─────────────┘        └──► trading.report.ReportWriter
 * </pre>
 *
 * {@link dev.tierbus.trading.analysis.PerformanceMath} gives the formulas and their conventions.
 */
package dev.tierbus.trading.analysis;
