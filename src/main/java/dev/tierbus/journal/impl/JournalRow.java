package dev.tierbus.journal.impl;

import dev.tierbus.event.Event;

/**
 * A delivery row read back from the journal (recovery, replay, dead letters).
 *
 * @param status one of the {@link DeliveryStatus} codes
 * @param createdMillis when it was journalled (epoch ms)
 * @param deadMillis when it became a dead letter (epoch ms), or 0
 */
record JournalRow(
    long deliveryId,
    String subscriber,
    Event event,
    DeliveryStatus status,
    int attempts,
    String lastError,
    long createdMillis,
    long deadMillis) {}
