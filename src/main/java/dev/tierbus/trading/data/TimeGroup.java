package dev.tierbus.trading.data;

import java.util.List;

/**
 * Every bar of a replay that opens at one instant, one per symbol, in the configured order
 * of their files: the unit a {@link ReplayGate} releases.
 */
record TimeGroup(long timeNanos, List<ReplayBar> bars) {}
