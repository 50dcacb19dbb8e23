package dev.tierbus.journal;

import dev.tierbus.event.Event;
import java.time.Instant;

/**
 * A reliable-tier delivery that failed its last attempt and waits for an operator.
 *
 * @param deliveryId the journal's id of this (event, subscriber) delivery
 * @param subscriber id of the subscribing container
 * @param event the event as it was published
 * @param attempts delivery attempts made
 * @param lastError what the last attempt failed with
 * @param publishedAt when the event was journalled
 * @param deadAt when it became a dead letter
 */
public record DeadLetter(
    long deliveryId,
    String subscriber,
    Event event,
    int attempts,
    String lastError,
    Instant publishedAt,
    Instant deadAt) {}
