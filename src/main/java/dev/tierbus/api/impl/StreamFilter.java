package dev.tierbus.api.impl;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code subscribe} of a WebSocket client: the event types it wants and, optionally, the
 * symbols and sources (an empty set accepts every one), and how many past events it wants
 * first ({@code history}, 0 for none).
 *
 * <pre>{"subscribe": {"events": ["SIGNAL", "FILL"], "symbols": ["GOOG"], "sources": ["ensemble"], "history": 50}}</pre>
 * Without {@code events}: {@link #DEFAULT_EVENTS}.
 */
record StreamFilter(int id, Set<EventType> events, Set<String> symbols, Set<String> sources, int history) {

  static final Set<EventType> DEFAULT_EVENTS =
      Set.copyOf(EnumSet.of(EventType.SIGNAL, EventType.ORDER, EventType.FILL, EventType.PORTFOLIO_UPDATE));
  static final List<String> KEYS = List.of("events", "symbols", "sources", "history");

  StreamFilter {
    events = Set.copyOf(events);
    symbols = Set.copyOf(symbols);
    sources = Set.copyOf(sources);
  }

  /** True when the event passes the symbol and source parts (its type is checked by the index). */
  boolean matches(Event e) {
    return (symbols.isEmpty() || (e.symbol() != null && symbols.contains(e.symbol())))
        && (sources.isEmpty() || sources.contains(e.source()));
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("events", new JsonArray(events.stream().map(Enum::name).sorted().toList()))
        .put("symbols", new JsonArray(symbols.stream().sorted().toList()))
        .put("sources", new JsonArray(sources.stream().sorted().toList()));
  }

  /**
   * Reads the value of {@code subscribe}.
   *
   * @param maxHistory the largest {@code history} allowed (the hub's history size)
   * @param problems gets each problem as {@code {"path", "message"}}
   * @return the filter, or null when there was a problem
   */
  static StreamFilter parse(int id, Object value, int maxHistory, List<JsonObject> problems) {
    if (!(value instanceof JsonObject o)) {
      problems.add(problem("subscribe", "expected an object with events, symbols, sources, history"));
      return null;
    }
    int before = problems.size();
    for (String key : o.fieldNames()) {
      if (!KEYS.contains(key)) {
        problems.add(problem("subscribe." + key, "unknown key, expected one of " + String.join(", ", KEYS)));
      }
    }
    Set<EventType> events = EnumSet.noneOf(EventType.class);
    List<String> names = strings(o.getValue("events"), "subscribe.events", problems);
    if (names == null) {
      events.addAll(DEFAULT_EVENTS);
    } else if (names.isEmpty()) {
      problems.add(problem("subscribe.events", "must not be empty (leave it out for SIGNAL, ORDER, FILL, PORTFOLIO_UPDATE)"));
    } else {
      for (int i = 0; i < names.size(); i++) {
        try {
          events.add(EventType.fromName(names.get(i)));
        } catch (IllegalArgumentException e) {
          problems.add(problem("subscribe.events[" + i + "]", e.getMessage() + ", expected one of "
              + List.of(EventType.values())));
        }
      }
    }
    List<String> symbols = strings(o.getValue("symbols"), "subscribe.symbols", problems);
    List<String> sources = strings(o.getValue("sources"), "subscribe.sources", problems);
    int history = history(o.getValue("history"), maxHistory, problems);
    if (problems.size() > before) {
      return null;
    }
    return new StreamFilter(id, events, symbols == null ? Set.of() : new LinkedHashSet<>(symbols),
        sources == null ? Set.of() : new LinkedHashSet<>(sources), history);
  }

  private static int history(Object v, int max, List<JsonObject> problems) {
    if (v == null) {
      return 0;
    }
    if (v instanceof Integer n && n >= 0 && n <= max) {
      return n;
    }
    problems.add(problem("subscribe.history", max == 0
        ? "this node keeps no history (websocket.history_size is 0); leave history out"
        : "expected an integer in [0, " + max + "] (events of the past to send first), got " + v));
    return 0;
  }

  private static List<String> strings(Object v, String path, List<JsonObject> problems) {
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonArray a)) {
      problems.add(problem(path, "expected a list of strings"));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (a.getValue(i) instanceof String s && !s.isBlank()) {
        out.add(s);
      } else {
        problems.add(problem(path + "[" + i + "]", "expected a non-blank string"));
      }
    }
    return out;
  }

  static JsonObject problem(String path, String message) {
    return new JsonObject().put("path", path).put("message", message);
  }
}
