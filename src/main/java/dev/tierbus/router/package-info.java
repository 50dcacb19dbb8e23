/**
 * The tiered event router: how events travel between containers.
 *
 * <pre>
 *  container ─ SourcePublisher ─┬─ fast:     batch (N events or T ms) ─► event bus ─► subscriber context
 *                               │            slow subscriber: batch dropped + counted
 *                               ├─ standard: compiled filter ─► bounded mailbox ─► worker pool
 *                               │            full mailbox: failed Future (BackPressureException)
 *                               └─ reliable: DeliveryTier seam (journal, confirm, retry, dead letter)
 * </pre>
 *
 * The tier of an event: its source's publication override, else the node's
 * {@code event_router.tiers.*.events}, else its type's default. Publication scopes narrow who
 * may receive; a subscription's filter is compiled once when it subscribes.
 */
package dev.tierbus.router;
