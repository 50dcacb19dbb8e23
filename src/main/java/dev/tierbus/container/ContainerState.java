package dev.tierbus.container;

/** Lifecycle of a container: CREATED → STARTING → RUNNING → STOPPING → STOPPED, or FAILED. */
public enum ContainerState {
  CREATED,
  STARTING,
  RUNNING,
  STOPPING,
  STOPPED,
  FAILED
}
