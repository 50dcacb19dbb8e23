package dev.tierbus.loadtest;

/** One system-level benchmark: sets up its own Vert.x, warms up, measures, tears down. */
interface LoadCase {

  /** The case name as given on the command line and written to the results. */
  String name();

  /** One line saying what is measured. */
  String description();

  CaseResult run(Budget budget) throws Exception;

  /**
   * How long the case may take in all (set-up, warm-up, measuring, waiting for the last
   * deliveries, tear-down) before {@link CaseRunner} fails it: twice its phases and two
   * minutes more by default.
   */
  default long deadlineMillis(Budget budget) {
    return 2 * (budget.warmupMillis() + budget.measureMillis()) + 120_000;
  }
}
