package dev.tierbus.trading.recorder;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Payload;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@link Event} as one JSON object (one line of a recorder's log) and back.
 *
 * <pre>
 *   {"type": "SIGNAL", "source": "momentum", "symbol": "GOOG", "time": "2004-11-03T00:00:00Z",
 *    "id": 8589934593, "headers": {"timeframe": "1D"}, "payload_type": "Signal",
 *    "payload": {"direction": "LONG", "strength": 1.0, "reason": "...", "strategy": "momentum"}}
 * </pre>
 * {@code time} is ISO-8601 UTC with up to nanosecond digits ({@link Instant#toString()}), so
 * the event time comes back exactly. {@code headers} is left out when empty, {@code symbol}
 * is null for events about no instrument, {@code payload_type} is the simple class name of
 * a payload of {@code dev.tierbus.event} and the full class name of any other (a user's
 * record), and {@code payload} is {@link PayloadJson}'s form (snake_case keys).
 */
public final class EventJson {

  static final String EVENT_PACKAGE = "dev.tierbus.event.";

  private static final Map<String, Class<? extends Payload>> CLASSES = new java.util.concurrent.ConcurrentHashMap<>();

  private EventJson() {}

  /** The JSON object of {@code event}. */
  public static JsonObject toJson(Event event) {
    JsonObject o = new JsonObject(new LinkedHashMap<>());
    o.put("type", event.type().name());
    o.put("source", event.source());
    o.put("symbol", event.symbol());
    o.put("time", event.time().toString());
    o.put("id", event.id());
    if (!event.headers().isEmpty()) {
      o.put("headers", new JsonObject(new LinkedHashMap<>(event.headers())));
    }
    Payload p = event.payload();
    if (p != null) {
      String name = p.getClass().getName();
      o.put("payload_type", name.startsWith(EVENT_PACKAGE) ? name.substring(EVENT_PACKAGE.length()) : name);
      o.put("payload", PayloadJson.toJson(p));
    }
    return o;
  }

  /**
   * The event {@code json} describes.
   *
   * @throws IllegalArgumentException naming the field that is missing or wrong
   */
  public static Event fromJson(JsonObject json) {
    EventType type = EventType.fromName(required(json, "type"));
    String source = required(json, "source");
    String symbol = json.getString("symbol");
    long timeNanos;
    String time = required(json, "time");
    try {
      timeNanos = Event.nanos(Instant.parse(time));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("time: '" + time + "' is not an ISO-8601 instant such as 2004-08-19T00:00:00Z");
    }
    Long id = json.getLong("id");
    Map<String, String> headers = Map.of();
    JsonObject h = json.getJsonObject("headers");
    if (h != null) {
      Map<String, String> m = new LinkedHashMap<>();
      h.forEach(e -> m.put(e.getKey(), String.valueOf(e.getValue())));
      headers = m;
    }
    Payload payload = null;
    JsonObject p = json.getJsonObject("payload");
    if (p != null) {
      payload = PayloadJson.fromJson(p, payloadClass(required(json, "payload_type")));
    }
    return new Event(id != null ? id : dev.tierbus.event.EventIds.next(), type, source, symbol, timeNanos, payload,
        headers);
  }

  private static String required(JsonObject json, String key) {
    Object v = json.getValue(key);
    if (!(v instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException(key + ": " + (v == null ? "is missing" : "expected a string, was " + v));
    }
    return s;
  }

  private static Class<? extends Payload> payloadClass(String name) {
    return CLASSES.computeIfAbsent(name, n -> {
      String full = n.contains(".") ? n : EVENT_PACKAGE + n;
      try {
        Class<?> c = Class.forName(full, false, EventJson.class.getClassLoader());
        if (!Payload.class.isAssignableFrom(c)) {
          throw new IllegalArgumentException("payload_type: " + n + " is not a payload");
        }
        return c.asSubclass(Payload.class);
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException("payload_type: no payload class " + full + " on the class path");
      }
    });
  }
}
