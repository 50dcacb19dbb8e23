package dev.tierbus.trading.recorder;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventJson;
import dev.tierbus.event.Payload;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One line of a recorder's log: the event in {@link EventJson}'s form, plus the payload's class
 * so that any payload record (a user's too) comes back as itself.
 *
 * <pre>
 *   {"type": "SIGNAL", "source": "momentum", "symbol": "GOOG", "time": "2004-11-03T00:00:00Z",
 *    "id": 8589934593, "headers": {"timeframe": "1D"}, "payload_type": "Signal",
 *    "payload": {"direction": "LONG", "strength": 1.0, "reason": "...", "strategy": "momentum"}}
 * </pre>
 * {@code time} is ISO-8601 UTC with up to nanosecond digits, so the event time comes back
 * exactly; {@code headers} is left out when empty; payload keys are snake_case, NaN and
 * infinite numbers are written as null (and a null number reads back as NaN).
 * {@code payload_type} is the simple class name of a payload of {@code dev.tierbus.event} and
 * the full class name of any other.
 */
public final class EventLine {

  static final String PAYLOAD_TYPE = "payload_type";
  private static final String EVENT_PACKAGE = "dev.tierbus.event.";
  private static final Map<String, Class<? extends Payload>> CLASSES = new ConcurrentHashMap<>();
  private static final List<String> ORDER = List.of("type", "source", "symbol", "time", "id", "headers");

  private EventLine() {}

  /** The JSON object of {@code event}. */
  public static JsonObject toJson(Event event) {
    JsonObject e = EventJson.toJson(event);
    // what a reader looks for first comes first
    JsonObject o = new JsonObject(new LinkedHashMap<>());
    for (String key : ORDER) {
      if (e.containsKey(key)) {
        o.put(key, e.getValue(key));
      }
    }
    Payload p = event.payload();
    if (p != null) {
      String name = p.getClass().getName();
      o.put(PAYLOAD_TYPE, name.startsWith(EVENT_PACKAGE) ? name.substring(EVENT_PACKAGE.length()) : name);
      o.put("payload", e.getValue("payload"));
    }
    return o;
  }

  /**
   * The event {@code json} describes, with its id.
   *
   * @throws IllegalArgumentException naming every field that is missing or wrong
   */
  public static Event fromJson(JsonObject json) {
    Object name = json.getValue(PAYLOAD_TYPE);
    Class<? extends Payload> cls = null;
    if (name != null) {
      if (!(name instanceof String s) || s.isBlank()) {
        throw new IllegalArgumentException(PAYLOAD_TYPE + ": expected a class name, was " + name);
      }
      cls = payloadClass(s);
    }
    return EventJson.fromWrittenJson(json, cls, List.of(PAYLOAD_TYPE));
  }

  private static Class<? extends Payload> payloadClass(String name) {
    return CLASSES.computeIfAbsent(name, n -> {
      String full = n.contains(".") ? n : EVENT_PACKAGE + n;
      try {
        Class<?> c = Class.forName(full, false, EventLine.class.getClassLoader());
        if (!Payload.class.isAssignableFrom(c) || !c.isRecord()) {
          throw new IllegalArgumentException(PAYLOAD_TYPE + ": " + n + " is not a payload record");
        }
        return c.asSubclass(Payload.class);
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException(PAYLOAD_TYPE + ": no payload class " + full + " on the class path");
      }
    });
  }
}
