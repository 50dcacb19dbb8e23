package dev.tierbus.trading.analysis;

import dev.tierbus.config.ParamReader;

/**
 * Parameters of an {@code analysis} container.
 *
 * <pre>
 *   report_every_bars   integer >= 0   100   publish an ANALYSIS_REPORT every N completed equity points (0: only at the end)
 * </pre>
 */
public record AnalysisConfig(long reportEveryBars) {

  public static final long DEFAULT_REPORT_EVERY_BARS = 100;

  public AnalysisConfig {
    if (reportEveryBars < 0) {
      throw new IllegalArgumentException("report_every_bars must be >= 0, was " + reportEveryBars);
    }
  }

  public static AnalysisConfig read(ParamReader r) {
    return new AnalysisConfig(r.integer("report_every_bars", DEFAULT_REPORT_EVERY_BARS, 0));
  }
}
