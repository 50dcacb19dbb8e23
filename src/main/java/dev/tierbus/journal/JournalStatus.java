package dev.tierbus.journal;

/**
 * Whether the reliable tier can journal now, for health checks.
 *
 * @param reachable true when the last journal operation (or probe) succeeded
 * @param description where the journal is (e.g. {@code postgresql://127.0.0.1:5432/test},
 *     secrets removed) and its durability
 * @param lastError the last failure, or null when reachable
 * @param pending deliveries journalled and not yet confirmed
 * @param deadLetters dead letters waiting
 */
public record JournalStatus(boolean reachable, String description, String lastError, long pending, long deadLetters) {}
