package dev.tierbus.journal.impl;

import java.util.ArrayList;
import java.util.List;

/** Delivery outcomes to record in one journal transaction: confirmations and failed attempts. */
final class OutcomeBatch {

  /**
   * A failed attempt.
   *
   * @param attempts attempts made so far
   * @param retryDelayMs when the next attempt is due (ignored for a dead letter)
   * @param dead true when this was the last attempt
   */
  record Failure(long deliveryId, int attempts, String error, long retryDelayMs, boolean dead) {}

  final List<Long> delivered = new ArrayList<>();
  final List<Failure> failures = new ArrayList<>();

  boolean isEmpty() {
    return delivered.isEmpty() && failures.isEmpty();
  }

  int size() {
    return delivered.size() + failures.size();
  }

  /** Two batches holding this one's outcomes, as even as can be (for a batch of at least 2). */
  OutcomeBatch[] halves() {
    OutcomeBatch a = new OutcomeBatch();
    OutcomeBatch b = new OutcomeBatch();
    int half = size() / 2;
    int nf = Math.min(failures.size(), half);
    a.failures.addAll(failures.subList(0, nf));
    b.failures.addAll(failures.subList(nf, failures.size()));
    a.delivered.addAll(delivered.subList(0, half - nf));
    b.delivered.addAll(delivered.subList(half - nf, delivered.size()));
    return new OutcomeBatch[] {a, b};
  }
}
