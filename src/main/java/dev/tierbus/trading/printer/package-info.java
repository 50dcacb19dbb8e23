/**
 * The {@code printer} container: logs what it receives, one line per event, optionally only
 * one event out of every N.
 */
package dev.tierbus.trading.printer;
