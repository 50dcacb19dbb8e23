package dev.tierbus.router;

import java.util.Locale;

/**
 * Who may receive an event, relative to the container that publishes it.
 *
 * <p>For internal publishing ({@code publishInternal}) a scope names the containers that
 * receive it directly: {@link #CHILDREN}, {@link #PARENT} or {@link #SIBLINGS}.
 *
 * <p>For an external publication ({@code external_events.publishes[].scope}) a scope narrows
 * the audience of the router: {@link #GLOBAL} (the default) lets every matching subscriber
 * receive it; {@link #PARENT}, {@link #CHILDREN} and {@link #SIBLINGS} only the subscriptions
 * of those containers. A top-level container's parent is the node itself, so for it
 * {@code PARENT} is the same as {@code GLOBAL} and {@code SIBLINGS} means every other
 * top-level container.
 */
public enum Scope {
  GLOBAL,
  PARENT,
  CHILDREN,
  SIBLINGS;

  /**
   * Parses a scope name case-insensitively.
   *
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  public static Scope fromName(String name) {
    if (name != null) {
      try {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException ignored) {
        // fall through to the message below
      }
    }
    throw new IllegalArgumentException(
        "unknown scope '" + name + "', expected one of GLOBAL, PARENT, CHILDREN, SIBLINGS");
  }
}
