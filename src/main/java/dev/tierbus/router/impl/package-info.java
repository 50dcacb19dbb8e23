/**
 * Implementation of the router: routing table and per-source routes, the fast tier's
 * batching publisher, the standard tier's mailboxes and drain scheduling. Nothing here is
 * public API.
 */
package dev.tierbus.router.impl;
