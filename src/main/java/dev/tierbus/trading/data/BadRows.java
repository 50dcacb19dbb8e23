package dev.tierbus.trading.data;

import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@link BadRowPolicy} to each bad row: throws it, or logs and counts it.
 *
 * <p>Skipped rows are logged as warnings with file and line: the first {@value #LOGGED_IN_FULL}
 * of a replay, then the 2^k-th ones, so a file full of bad rows cannot flood the log while
 * every one is still counted. Thread-safe counters.
 */
final class BadRows {

  static final int LOGGED_IN_FULL = 20;

  private static final Logger log = LoggerFactory.getLogger(BadRows.class);

  private final BadRowPolicy policy;
  private final String owner;
  private final LongAdder skipped = new LongAdder();

  BadRows(BadRowPolicy policy, String owner) {
    this.policy = policy;
    this.owner = owner;
  }

  BadRowPolicy policy() {
    return policy;
  }

  /** Throws {@code e} unless the policy skips it (a whole-file problem is never skipped). */
  void report(BadRowException e) {
    if (policy == BadRowPolicy.FAIL || e.wholeFile()) {
      throw e;
    }
    skipped.increment();
    long n = skipped.sum();
    if (n <= LOGGED_IN_FULL || Long.bitCount(n) == 1) {
      log.warn("{}: skipped bad row {} ({} skipped so far)", owner, e.getMessage(), n);
    }
  }

  long skipped() {
    return skipped.sum();
  }
}
