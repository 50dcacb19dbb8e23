/**
 * How the topology validator reads the file, with the one reader of {@link dev.tierbus.config}:
 * one reader per section ({@code RouterSection}, {@code JournalSection}, {@code HttpSection},
 * {@code DeploymentSection}, {@code ContainerEntries} with {@code ExternalEvents} and
 * {@code TypeChecks}), {@code CrossChecks} for what needs the whole file, and
 * {@code SourceEdits} for checking a runtime change as the file. Not API: use
 * {@link dev.tierbus.topology.TopologyValidator}.
 */
package dev.tierbus.topology.impl;
