/**
 * The reliable tier: journal first, then deliver with confirmation, retry, dead-letter.
 *
 * <pre>
 *  publish ──► journal rows (one per subscriber), group commit ──► Future completes (durable)
 *                 │
 *                 └─► lane (subscriber, symbol) ──request──► subscriber's receiver ──► handler(s) in order
 *                        ▲        │                                   │
 *                        │        └── reply: confirmed prefix ◄───────┘
 *                        └── failure/timeout: backoff retry (holds this lane only) ... dead letter
 *  start: schema (versioned) ──► claim this node's undelivered rows ──► redeliver (flagged)
 * </pre>
 *
 * <p>Guarantee: an event whose publish Future succeeded reaches every subscriber, also when the
 * process is killed at any moment. A handler runs twice for one delivery only after a crash
 * lost its confirmation, and then with {@link dev.tierbus.journal.ReliableDelivery#redelivered()}
 * set; an {@link dev.tierbus.journal.InboxHandler} applies its effect exactly once.
 *
 * <p>Entry points: {@link dev.tierbus.journal.ReliableTiers} (create and install),
 * {@link dev.tierbus.journal.JournalOptions} (where the journal is, durability levels),
 * {@link dev.tierbus.journal.DeadLetters}, {@link dev.tierbus.journal.EmbeddedJournal}.
 *
 * <p>Measured on a 2-core VM against PostgreSQL on the same machine, fsync and
 * synchronous_commit on: see {@code load-tests/README.md} (cases {@code reliable.*}).
 */
package dev.tierbus.journal;
