/**
 * Per-tier counters (accepted and refused publishes apart) and publish-to-handler latency
 * histograms (HdrHistogram), read as immutable snapshots; the rates of the last interval per
 * tier and per container, and the health checks against their thresholds.
 */
package dev.tierbus.metrics;
