/**
 * How people and other programs reach a running node: one HTTP server (Vert.x Web) with the
 * management API, the WebSocket signal stream, health, Prometheus metrics and the dashboard.
 *
 * <pre>
 *  HTTP :8080 ─┬─ /api/...        OpenAPI operations (openapi/tierbus-api.yaml, requests validated)
 *              │     topology, containers ──► TopologyRuntime.deploy/redeploy/undeployContainer
 *              │     routes, metrics      ──► TieredEventRouter.routes()/metrics(), MetricsSampler
 *              │     deadletters          ──► ReliableTier.deadLetters()   (503 without one)
 *              │     events               ──► checks (text, meaning, source) ─► id seen? ─► TieredEventRouter.publish
 *              ├─ /health, /metrics       ──► health checks, Prometheus registry (Vert.x + tierbus meters)
 *              ├─ /ws/signals             ──► SignalHub: router subscriptions ─► backlog ─► per-client outbox ─► frames
 *              └─ /                       ──► webroot/ (dashboard) and /webjars/ (uPlot) from the class path
 * </pre>
 *
 * <p>{@link dev.tierbus.api.ApiServer} starts it, {@link dev.tierbus.api.ApiOptions} says how
 * (the topology's {@code http} section). Mutating calls need the bearer token; every error is
 * JSON ({@code {"error", "details": [{"path", "message"}]}}) and names no Java class; a method a
 * path lacks is 405 with {@code Allow}, a body that is not JSON 415, a refusal that passes 503
 * with {@code Retry-After}. Implementation in {@code impl}.
 */
package dev.tierbus.api;
