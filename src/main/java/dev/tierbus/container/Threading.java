package dev.tierbus.container;

import java.util.Locale;

/**
 * Where a container's code runs ({@code threading} in the topology file).
 *
 * <ul>
 *   <li>{@link #WORKER} (default): on a worker context. Every event the container gets — fast
 *       batches, standard-tier events, internal events — is handled there one at a time, so
 *       components never need locks, and standard-tier handlers stay off the event loops.</li>
 *   <li>{@link #EVENT_LOOP}: on an event loop, for containers whose code never blocks and that
 *       care about the last microseconds (market data sources, fast-tier consumers). Their
 *       standard-tier events are handled on the router's worker pool, concurrently with the
 *       event loop: such containers' components must be thread-safe if they take both.</li>
 * </ul>
 */
public enum Threading {
  WORKER,
  EVENT_LOOP;

  public static Threading fromName(String name) {
    if (name != null) {
      switch (name.trim().toLowerCase(Locale.ROOT)) {
        case "worker":
          return WORKER;
        case "event_loop":
          return EVENT_LOOP;
        default:
          break;
      }
    }
    throw new IllegalArgumentException("unknown threading '" + name + "', expected worker or event_loop");
  }

  public String configName() {
    return this == WORKER ? "worker" : "event_loop";
  }
}
