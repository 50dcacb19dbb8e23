/**
 * How the topology validator reads the file: {@code Node} (a value with its key path and
 * typed reads that report instead of throwing), {@code Schema} (a table of known keys and
 * their effects), one reader per section and {@code CrossChecks} for what needs the whole
 * file. Not API: use {@link dev.tierbus.topology.TopologyValidator}.
 */
package dev.tierbus.topology.impl;
