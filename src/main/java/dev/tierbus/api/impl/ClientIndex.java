package dev.tierbus.api.impl;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventJson;
import dev.tierbus.event.EventType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which WebSocket clients want an event: per event type, the clients whose filters name some
 * of its symbols (found by the event's symbol) and those that take every symbol; their
 * source filters are checked per event.
 *
 * <p>Immutable: the hub builds a new one from every client's filters when one subscribes,
 * unsubscribes or leaves, and swaps it in (copy-on-write), so fanning out reads it without
 * locks. An event's JSON is encoded once, for the first client that wants it.
 */
final class ClientIndex {

  static final ClientIndex EMPTY = new ClientIndex(new TypeIndex[32]);

  private static final Entry[] NONE = new Entry[0];

  /** A client and its filters that name one event type. */
  private record Entry(SignalSession session, StreamFilter[] filters) {
    boolean matches(Event e) {
      for (StreamFilter f : filters) {
        if (f.matches(e)) {
          return true;
        }
      }
      return false;
    }
  }

  private record TypeIndex(Map<String, Entry[]> bySymbol, Entry[] any) {}

  /** By type code; null where no client wants the type. */
  private final TypeIndex[] byType;

  private ClientIndex(TypeIndex[] byType) {
    this.byType = byType;
  }

  static ClientIndex build(Collection<SignalSession> sessions) {
    Map<EventType, Map<String, List<Entry>>> bySymbol = new EnumMap<>(EventType.class);
    Map<EventType, List<Entry>> any = new EnumMap<>(EventType.class);
    for (SignalSession s : sessions) {
      Map<EventType, List<StreamFilter>> byType = new EnumMap<>(EventType.class);
      for (StreamFilter f : s.filters()) {
        for (EventType t : f.events()) {
          byType.computeIfAbsent(t, k -> new ArrayList<>()).add(f);
        }
      }
      byType.forEach((type, fs) -> {
        Entry entry = new Entry(s, fs.toArray(new StreamFilter[0]));
        if (fs.stream().anyMatch(f -> f.symbols().isEmpty())) {
          any.computeIfAbsent(type, k -> new ArrayList<>()).add(entry);
        } else {
          Map<String, List<Entry>> m = bySymbol.computeIfAbsent(type, k -> new HashMap<>());
          fs.stream().flatMap(f -> f.symbols().stream()).distinct()
              .forEach(sym -> m.computeIfAbsent(sym, k -> new ArrayList<>()).add(entry));
        }
      });
    }
    TypeIndex[] next = new TypeIndex[32];
    for (EventType t : EventType.values()) {
      List<Entry> a = any.getOrDefault(t, List.of());
      Map<String, List<Entry>> b = bySymbol.getOrDefault(t, Map.of());
      if (!a.isEmpty() || !b.isEmpty()) {
        Map<String, Entry[]> frozen = new HashMap<>();
        b.forEach((sym, list) -> frozen.put(sym, list.toArray(NONE)));
        next[t.code()] = new TypeIndex(frozen, a.toArray(NONE));
      }
    }
    return new ClientIndex(next);
  }

  /** True when some client wants events of this type. */
  boolean wants(EventType type) {
    return byType[type.code()] != null;
  }

  /** Offers the event to every client whose filters accept it. */
  void deliver(Event e) {
    TypeIndex t = byType[e.type().code()];
    if (t == null) {
      return;
    }
    Entry[] bySymbol = e.symbol() == null ? NONE : t.bySymbol.getOrDefault(e.symbol(), NONE);
    String body = null;
    for (Entry en : t.any) {
      body = deliver(en, e, body);
    }
    for (Entry en : bySymbol) {
      body = deliver(en, e, body);
    }
  }

  private static String deliver(Entry en, Event e, String body) {
    if (!en.matches(e)) {
      return body;
    }
    String b = body == null ? frameBody(e) : body;
    en.session.offer(e, b);
    return b;
  }

  /** The event's JSON without its opening brace: a session prepends {@code {"seq":n,}. */
  static String frameBody(Event e) {
    return EventJson.toJson(e).encode().substring(1);
  }

  /** The body of a history frame: {@link #frameBody} flagged {@code "history": true}. */
  static String historyFrameBody(Event e) {
    return "\"history\":true," + frameBody(e);
  }
}
