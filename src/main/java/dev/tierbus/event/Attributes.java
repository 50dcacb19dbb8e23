package dev.tierbus.event;

import java.util.Map;

/**
 * A generic payload of named values, for event types without a dedicated record
 * (analysis results, performance updates, optimization results, reports).
 * Values must be immutable: numbers, strings, booleans, or immutable lists/maps of them.
 */
public record Attributes(Map<String, Object> values) implements Payload {
  public Attributes {
    values = values == null ? Map.of() : Map.copyOf(values);
  }

  public static Attributes of(Map<String, Object> values) {
    return new Attributes(values);
  }
}
