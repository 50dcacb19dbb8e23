package dev.tierbus.journal.impl;

import io.vertx.core.buffer.Buffer;

/**
 * The rows of one journal transaction, column by column (the form PostgreSQL's
 * {@code unnest} insert takes).
 */
final class AppendBatch {

  final long[] deliveryIds;
  final long[] eventIds;
  final short[] eventTypes;
  final String[] sources;
  final String[] symbols;
  final String[] subscribers;
  final Buffer[] events;
  int size;

  AppendBatch(int capacity) {
    deliveryIds = new long[capacity];
    eventIds = new long[capacity];
    eventTypes = new short[capacity];
    sources = new String[capacity];
    symbols = new String[capacity];
    subscribers = new String[capacity];
    events = new Buffer[capacity];
  }

  void add(long deliveryId, long eventId, int eventType, String source, String symbol, String subscriber,
      Buffer event) {
    int i = size++;
    deliveryIds[i] = deliveryId;
    eventIds[i] = eventId;
    eventTypes[i] = (short) eventType;
    sources[i] = source;
    symbols[i] = symbol;
    subscribers[i] = subscriber;
    events[i] = event;
  }
}
