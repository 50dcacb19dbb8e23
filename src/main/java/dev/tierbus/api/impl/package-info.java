/**
 * The HTTP server's parts: one {@code ApiVerticle} per event loop with its router
 * ({@code ApiRouter}), the handlers per area, {@code BearerAuth}, {@code HttpErrors}, and the
 * WebSocket stream ({@code SignalHub} with its {@code ClientIndex}, {@code EventHistory},
 * {@code EquityCurve} and {@code ClientSlots}; {@code SignalSession} with its
 * {@code MessageAssembler}, {@code StreamFilter} and {@code Outbox}; {@code FrameFlusher}).
 * Nothing here blocks an event loop; the router's handler of the stream only queues.
 */
package dev.tierbus.api.impl;
