/**
 * Writes a run's {@link dev.tierbus.trading.analysis.AnalysisResult} to disk: report.json,
 * trades.csv, equity.csv and a self-contained report.html with SVG charts; byte for byte the same
 * for the same result ({@link dev.tierbus.trading.report.ReportFormat}).
 *
 * <pre>
 *   AnalysisResult ──► ReportWriter ─┬─ ReportJson ──► report.json
 *                                    ├─ ReportCsv ───► trades.csv, equity.csv
 *                                    └─ ReportHtml ──► report.html (SvgChart: equity, drawdown)
 * </pre>
 */
package dev.tierbus.trading.report;
