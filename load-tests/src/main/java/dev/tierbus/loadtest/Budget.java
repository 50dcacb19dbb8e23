package dev.tierbus.loadtest;

/**
 * How long the phases of a case run.
 *
 * <p>Every case runs a warm-up phase (same code, same load, a throw-away router or histogram, so
 * the JIT has compiled the paths before anything is recorded) and then one measured phase.
 *
 * @param quick whether this is the {@code --quick} run
 * @param warmupMillis length of the warm-up phase
 * @param measureMillis length of the measured phase
 */
record Budget(boolean quick, long warmupMillis, long measureMillis) {

  /** Small enough that all cases plus an up-to-date build stay under one minute. */
  static Budget quickRun() {
    return new Budget(true, 800, 1_500);
  }

  static Budget fullRun() {
    return new Budget(false, 5_000, 10_000);
  }
}
