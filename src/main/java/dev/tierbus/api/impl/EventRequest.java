package dev.tierbus.api.impl;

import dev.tierbus.container.Container;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventJson;
import dev.tierbus.event.EventJsonException;
import dev.tierbus.event.EventType;
import dev.tierbus.router.Publication;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A {@code POST /api/events} body, read and checked in full before anything is published:
 * every problem is a detail with its path, and one of them is enough for a 400.
 *
 * <ol>
 *   <li>{@code id}, when given: an integer, the client's key for this event (see
 *       {@link IdempotencyKeys});</li>
 *   <li>the text in the payload ({@link PayloadText}), then the event as {@link EventJson} reads
 *       it (type, source, symbol and headers by the {@code EventFields} rules, time, the
 *       payload's shape and its record's own rules);</li>
 *   <li>the payload's meaning ({@link PayloadRules});</li>
 *   <li>the source: a deployed container whose {@code external_events.publishes} names the
 *       event's type, or a name {@code http.api_publishers} lists.</li>
 * </ol>
 *
 * @param event the event to publish (a fresh event id)
 * @param clientId the client's {@code id}, or null when it gave none
 */
record EventRequest(Event event, Long clientId) {

  static final String INVALID = "the event is not valid";

  /**
   * @param containers the deployed containers by id, read now
   * @param apiPublishers sources allowed to publish any type
   * @throws ApiException 400 with every problem
   */
  static EventRequest read(JsonObject body, Supplier<Map<String, Container>> containers, List<String> apiPublishers) {
    JsonArray problems = new JsonArray();
    Long clientId = clientId(body.getValue("id"), problems);
    if (body.getValue("payload") instanceof JsonObject payload) {
      PayloadText.check(payload, problems);
    }
    Event event = null;
    try {
      event = EventJson.fromJson(body);
    } catch (EventJsonException e) {
      Set<String> seen = new HashSet<>();
      problems.forEach(p -> seen.add(((JsonObject) p).getString("path")));
      for (EventJsonException.Problem p : e.problems()) {
        // the text check above already said what is wrong at that path
        if (!seen.contains(p.path())) {
          problems.add(ApiException.detail(p.path(), p.message()));
        }
      }
    }
    if (event != null) {
      PayloadRules.check(event.payload(), problems);
      publisher(event.source(), event.type(), containers.get(), apiPublishers, problems);
    }
    if (!problems.isEmpty()) {
      throw new ApiException(400, INVALID, problems);
    }
    return new EventRequest(event, clientId);
  }

  private static Long clientId(Object v, JsonArray problems) {
    if (v == null) {
      return null;
    }
    if (v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    if (v instanceof Number n) {
      try {
        // 42.0 is the integer 42; 1e30 and 4.2 are not ids
        return new BigDecimal(n.toString()).longValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        // reported below
      }
    }
    problems.add(ApiException.detail("id", "expected an integer that fits in 64 bits (your key for this event: a "
        + "POST repeated with the same id and body is not published twice), got " + show(v)));
    return null;
  }

  private static void publisher(String source, EventType type, Map<String, Container> containers,
      List<String> apiPublishers, JsonArray problems) {
    if (apiPublishers.contains(source)) {
      return;
    }
    Container c = containers.get(source);
    if (c == null) {
      problems.add(ApiException.detail("source", "no container '" + source + "' is deployed and http.api_publishers "
          + "does not list it: an event is published as a deployed container that publishes its type"));
      return;
    }
    for (Publication p : c.spec().publications()) {
      if (p.events().contains(type)) {
        return;
      }
    }
    problems.add(ApiException.detail("type", "container '" + source + "' does not publish " + type
        + " (its external_events.publishes: " + declared(c) + "); list '" + source
        + "' in http.api_publishers to publish any type as it"));
  }

  private static String declared(Container c) {
    Set<String> types = new java.util.TreeSet<>();
    c.spec().publications().forEach(p -> p.events().forEach(t -> types.add(t.name())));
    return types.isEmpty() ? "none" : String.join(", ", types);
  }

  private static String show(Object v) {
    if (v instanceof String s) {
      return "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
    }
    if (v instanceof JsonObject) {
      return "an object";
    }
    if (v instanceof JsonArray) {
      return "a list";
    }
    return v instanceof BigInteger ? "an integer beyond 64 bits" : String.valueOf(v);
  }
}
