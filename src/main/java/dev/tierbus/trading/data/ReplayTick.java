package dev.tierbus.trading.data;

/** One trade of a trades file, published as a TICK at {@code timeNanos}. */
record ReplayTick(long timeNanos, double price, double size) {}
