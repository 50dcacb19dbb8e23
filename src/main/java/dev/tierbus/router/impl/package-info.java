/**
 * Implementation of the router. Nothing here is public API but {@link
 * dev.tierbus.router.impl.TieredEventRouterImpl}'s constructor. Each class owns its state; the
 * others reach it through its methods or got it in their constructor.
 *
 * <pre>
 *  TieredEventRouterImpl   builds and wires the parts below; subscribe, unsubscribe, drain, close
 *   ├─ RoutingTable        subscriptions + Declarations (parents, tiers, scopes) ─► SourceRoutes per source
 *   ├─ Tiers               hands one event to its tier; the installed reliable tier; open/closed
 *   │   ├─ FastTier        batch ─► each FastInbox of the source (minus the types scopes deny it)
 *   │   └─ StandardTier    event ─► each matching StandardInbox; drains them on their executors
 *   ├─ StandardPool        the worker pool and each subscription's executor
 *   └─ HandlerErrors       a handler's failure: rate-limited log + exception handler
 *
 *  BatchingPublisher (one per source and context) ─ SourceRoutes ─► Tiers
 *
 *  one subscription = SubscriptionHandleImpl (what the subscriber holds)
 *                       ├─ RouteImpl       the handler side every tier shares (the Route)
 *                       ├─ FastInbox       fast consumer, pending batches, dropped
 *                       └─ StandardInbox   bounded Mailbox, drain scheduling, rejected
 * </pre>
 *
 * The fast tier's sender resolves, per (source, subscription), which types the subscription
 * may have from that source when it builds {@link dev.tierbus.router.impl.SourceRoutes}; a
 * receiver then tests only its own types and filter per event, with no routing-table lookup.
 */
package dev.tierbus.router.impl;
