package dev.tierbus.journal.impl;

import dev.tierbus.metrics.LatencyRecorder;
import dev.tierbus.metrics.TierMetricsSnapshot;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The reliable tier's counters, gauges and latency histograms; safe to read from any thread. */
final class ReliableMetrics {

  /** Publishes accepted: journalled (or without subscriber). */
  final LongAdder published = new LongAdder();
  /** Publishes refused: their Future failed (journal unreachable, max_in_flight, no codec). */
  final LongAdder refused = new LongAdder();
  /** Published events that had at least one subscriber (journalled). */
  final LongAdder matched = new LongAdder();
  final LongAdder journalled = new LongAdder();
  final LongAdder commits = new LongAdder();
  final LongAdder delivered = new LongAdder();
  final LongAdder retries = new LongAdder();
  final LongAdder deadLettered = new LongAdder();
  final LongAdder errors = new LongAdder();
  final LongAdder rejected = new LongAdder();
  final LongAdder recovered = new LongAdder();
  final LongAdder duplicatesSkipped = new LongAdder();
  /** Publishes whose rows PostgreSQL refused (data error): failed alone, the journal stayed usable. */
  final LongAdder rowsRefused = new LongAdder();
  /** Group commits written again in halves to find a refused publish. */
  final LongAdder commitsSplit = new LongAdder();
  /** Outcomes PostgreSQL refused (data error): left out, their rows stay pending in the journal. */
  final LongAdder outcomesRefused = new LongAdder();
  /** Transactions that recorded outcomes (confirmations, failed attempts). */
  final LongAdder outcomeWrites = new LongAdder();
  /** Deliveries accepted and neither confirmed nor dead: the bound of {@code max_in_flight}. */
  final AtomicLong pending = new AtomicLong();
  /** Deliveries sent to a subscriber whose answer has not come back. */
  final AtomicLong inFlight = new AtomicLong();
  final AtomicLong deadLetters = new AtomicLong();
  /** Publish to commit, per delivery row. */
  final LatencyRecorder journalWrite = new LatencyRecorder();
  /** Publish to the subscriber's confirmation. */
  final LatencyRecorder delivery = new LatencyRecorder();

  TierMetricsSnapshot snapshot(boolean reachable, String journal) {
    long commitCount = commits.sum();
    JsonObject details = new JsonObject()
        .put("journal", journal)
        .put("journal_reachable", reachable)
        .put("pending", pending.get())
        .put("in_flight", inFlight.get())
        .put("journalled", journalled.sum())
        .put("commits", commitCount)
        .put("rows_per_commit", commitCount == 0 ? 0.0 : (double) journalled.sum() / commitCount)
        .put("retries", retries.sum())
        .put("dead_letters", deadLetters.get())
        .put("dead_lettered", deadLettered.sum())
        .put("recovered", recovered.sum())
        .put("duplicates_skipped", duplicatesSkipped.sum())
        .put("rows_refused", rowsRefused.sum())
        .put("commits_split", commitsSplit.sum())
        .put("outcomes_refused", outcomesRefused.sum())
        .put("outcome_writes", outcomeWrites.sum())
        .put("journal_write_latency", journalWrite.snapshot().toJson())
        .put("delivery_latency", delivery.snapshot().toJson());
    return new TierMetricsSnapshot("reliable", published.sum(), refused.sum(), matched.sum(), delivered.sum(), 0,
        rejected.sum(), errors.sum(), pending.get(), delivery.snapshot(), details);
  }
}
