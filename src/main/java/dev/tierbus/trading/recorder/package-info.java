/**
 * The {@code recorder} container: chosen events written to a JSON Lines file, and the
 * reader that turns such a file back into events.
 *
 * <pre>
 *   SIGNAL, ORDER, FILL, ... ──► RecorderContainer ──► EventLine (dev.tierbus.event.EventJson) ──► logs/*.jsonl
 *   logs/*.jsonl ──► SignalLogReader ──► Event (same id, time, headers, payload) ──► a signal replay
 * </pre>
 */
package dev.tierbus.trading.recorder;
