package dev.tierbus.journal;

import io.vertx.core.Future;

/**
 * The reliable tier's dead letters: list, replay, discard.
 *
 * <p>A replayed letter goes back to pending with its attempts reset and is delivered again
 * (after what is queued for the same subscriber and symbol); a discarded one is kept in the
 * journal as discarded and never delivered. Every operation is one journal transaction.
 */
public interface DeadLetters {

  /** A page of dead letters matching {@code query}. */
  Future<DeadLetterPage> list(DeadLetterQuery query);

  /** Replays one dead letter; false when no dead letter has this id. */
  Future<Boolean> replay(long deliveryId);

  /**
   * Replays every dead letter matching the filters of {@code query} (its paging fields are
   * ignored); completes with how many were replayed.
   */
  Future<Integer> replay(DeadLetterQuery query);

  /** Discards one dead letter; false when no dead letter has this id. */
  Future<Boolean> discard(long deliveryId);
}
