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
 *
 * <h2>A subscription, by its names</h2>
 *
 * <pre>
 *  Subscription ──subscribe(…, handler)──► router ──► SubscriptionHandle   held by the subscriber
 *  (what is asked: a value)                  │        (counters, unsubscribe)
 *                                            ├──────► Route                delivered through by a tier
 *                                            │        (id, matches, handler, deliverInOrder)
 *                                            └─ routes() ► RouteInfo       a row of the routing table
 *                                                          (type, tier, publisher ► subscription)
 * </pre>
 *
 * <ul>
 *   <li>{@link dev.tierbus.router.Subscription}: what a subscriber asks for (source, event types,
 *       filter). A value; the same one may be subscribed twice.</li>
 *   <li>{@link dev.tierbus.router.SubscriptionHandle}: one live subscription as its subscriber
 *       holds it: its id, its counters, the way to end it.</li>
 *   <li>{@link dev.tierbus.router.Route}: the same live subscription (same id) as a
 *       {@link dev.tierbus.router.DeliveryTier} delivers through it: what it accepts and how its
 *       handler runs. A tier never ends a subscription; a subscriber never delivers.</li>
 *   <li>{@link dev.tierbus.router.RouteInfo}: one row of the routing table, a value: events of one
 *       type from one publisher reach one subscription on one tier.</li>
 * </ul>
 */
package dev.tierbus.router;
