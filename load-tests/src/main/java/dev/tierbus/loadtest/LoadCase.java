package dev.tierbus.loadtest;

/** One system-level benchmark: sets up its own Vert.x, warms up, measures, tears down. */
interface LoadCase {

  /** The case name as given on the command line and written to the results. */
  String name();

  /** One line saying what is measured. */
  String description();

  CaseResult run(Budget budget) throws Exception;
}
