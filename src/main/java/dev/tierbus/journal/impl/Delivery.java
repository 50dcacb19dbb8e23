package dev.tierbus.journal.impl;

import dev.tierbus.event.Event;

/**
 * One (event, subscriber) delivery the tier is responsible for, from its journalling until
 * it is confirmed or dead. Touched only on the tier's context.
 */
final class Delivery {

  final long id;
  final String subscriber;
  final Event event;
  /** When it was published ({@code System.nanoTime()}), or 0 when recovered from the journal. */
  final long publishNanos;
  /** Attempts made so far (failed ones; the journal has the same count once recorded). */
  int attempts;
  /** True when a handler may have seen it already: recovered after a restart, or retried. */
  boolean redelivered;

  Delivery(long id, String subscriber, Event event, long publishNanos, int attempts, boolean redelivered) {
    this.id = id;
    this.subscriber = subscriber;
    this.event = event;
    this.publishNanos = publishNanos;
    this.attempts = attempts;
    this.redelivered = redelivered;
  }

  /** The symbol lane this delivery belongs to ("" for events about no symbol). */
  String laneKey() {
    String s = event.symbol();
    return s == null ? "" : s;
  }

  @Override
  public String toString() {
    return "delivery " + id + " of " + event.type() + " " + laneKey() + " to " + subscriber;
  }
}
