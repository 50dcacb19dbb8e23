package dev.tierbus.journal;

import dev.tierbus.router.DeliveryTier;

/**
 * The reliable tier: journal first, then deliver with confirmation, retry with backoff,
 * dead-letter after the last attempt.
 */
public interface ReliableTier extends DeliveryTier {

  /** The dead letters of this tier's journal. */
  DeadLetters deadLetters();

  /** Whether the journal is reachable, and its backlog. */
  JournalStatus status();
}
