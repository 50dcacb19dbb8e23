package dev.tierbus.loadtest;

import io.vertx.core.json.JsonObject;

/**
 * The figures of one case.
 *
 * @param name case name
 * @param eventsPerSec the case's throughput figure (see the case for what is counted)
 * @param p50Us median latency in microseconds
 * @param p99Us 99th percentile in microseconds
 * @param p999Us 99.9th percentile in microseconds
 * @param allocBytesPerEvent bytes allocated by all threads during the measured phase, per event
 * @param extra case-specific figures (counts, drops, GC) written beside the standard keys
 */
record CaseResult(
    String name,
    double eventsPerSec,
    double p50Us,
    double p99Us,
    double p999Us,
    double allocBytesPerEvent,
    JsonObject extra) {

  JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("name", name)
        .put("events_per_sec", Math.round(eventsPerSec))
        .put("p50_us", round3(p50Us))
        .put("p99_us", round3(p99Us))
        .put("p999_us", round3(p999Us))
        .put("alloc_bytes_per_event", round1(allocBytesPerEvent));
    extra.forEach(e -> json.put(e.getKey(), e.getValue()));
    return json;
  }

  static double round3(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }

  static double round1(double v) {
    return Math.round(v * 10.0) / 10.0;
  }
}
