package dev.tierbus.event;

import java.util.Objects;

/**
 * A trading signal (payload of {@link EventType#SIGNAL}).
 *
 * @param direction LONG, SHORT or FLAT
 * @param strength in [-1, 1]; the sign agrees with the direction (0 for FLAT)
 * @param reason human-readable cause, e.g. {@code "SMA(10) crossed above SMA(30)"}
 * @param strategy id of the strategy that produced it
 */
public record Signal(Direction direction, double strength, String reason, String strategy) implements Payload {
  public Signal {
    Objects.requireNonNull(direction, "direction");
    if (!(strength >= -1.0 && strength <= 1.0)) {
      throw new IllegalArgumentException("strength must be in [-1, 1], was " + strength);
    }
  }
}
