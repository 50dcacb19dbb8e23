/**
 * Per-tier counters and publish-to-handler latency histograms (HdrHistogram), read as
 * immutable snapshots.
 */
package dev.tierbus.metrics;
