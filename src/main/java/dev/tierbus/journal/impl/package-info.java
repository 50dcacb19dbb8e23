/**
 * The reliable tier's parts: {@code JournalWriter} (group commit), {@code DeliveryDispatcher}
 * (lanes, requests, retries), {@code DeliveryReceiver} (the subscriber side: ordered handlers,
 * duplicate suppression, inbox transactions), {@code OutcomeWriter} (confirmations and failed
 * attempts, batched), and the two stores, {@code PgJournalStore} and {@code MemoryJournalStore}.
 * All state lives on one event-loop context of the tier's own.
 */
package dev.tierbus.journal.impl;
