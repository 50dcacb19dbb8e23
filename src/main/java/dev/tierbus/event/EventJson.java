package dev.tierbus.event;

import dev.tierbus.event.impl.RecordJson;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Events as JSON, for people and other programs (the HTTP API, the WebSocket stream).
 *
 * <pre>
 * {"id": 42, "type": "SIGNAL", "source": "ensemble", "symbol": "AAPL",
 *  "time": "2024-01-02T15:30:00Z",
 *  "payload": {"direction": "LONG", "strength": 0.6, "reason": "...", "strategy": "momentum"},
 *  "headers": {...}}                                            (headers only when present)
 * </pre>
 *
 * <p>A payload is written from its record components (see {@link RecordJson}: {@code
 * realizedPnl} becomes {@code realized_pnl}, NaN becomes null), so payload records added
 * later are covered without code here; a payload that is not a record is written by
 * {@code toString()} as {@code {"value": ...}}. Reading ({@link #fromJson}) needs the payload
 * class of the event type: the built-in ones are known, others are added with
 * {@link #registerPayload}. Reading checks everything and reports every problem with its
 * path ({@link EventJsonException}).
 */
public final class EventJson {

  /** Fields of an event read by {@link #fromJson} ({@code id} is accepted and ignored: a new event gets a new id). */
  public static final List<String> FIELDS = List.of("id", "type", "source", "symbol", "time", "payload", "headers");

  private static final Map<EventType, Class<? extends Payload>> PAYLOADS = new EnumMap<>(EventType.class);

  static {
    PAYLOADS.put(EventType.BAR, Bar.class);
    PAYLOADS.put(EventType.BAR_OPEN, BarOpen.class);
    PAYLOADS.put(EventType.TICK, Tick.class);
    PAYLOADS.put(EventType.QUOTE, Quote.class);
    PAYLOADS.put(EventType.BOOK_UPDATE, BookUpdate.class);
    PAYLOADS.put(EventType.TRADE, Trade.class);
    PAYLOADS.put(EventType.SIGNAL, Signal.class);
    PAYLOADS.put(EventType.INDICATOR, IndicatorValue.class);
    PAYLOADS.put(EventType.PORTFOLIO_UPDATE, PortfolioUpdate.class);
    PAYLOADS.put(EventType.REGIME_CHANGE, RegimeChange.class);
    PAYLOADS.put(EventType.ANALYSIS_RESULT, Attributes.class);
    PAYLOADS.put(EventType.PERFORMANCE_UPDATE, Attributes.class);
    PAYLOADS.put(EventType.OPTIMIZATION_RESULT, Attributes.class);
    PAYLOADS.put(EventType.ANALYSIS_REPORT, AnalysisReport.class);
    PAYLOADS.put(EventType.ORDER, Order.class);
    PAYLOADS.put(EventType.FILL, Fill.class);
    PAYLOADS.put(EventType.SYSTEM, Notice.class);
    PAYLOADS.put(EventType.ERROR, Notice.class);
    PAYLOADS.put(EventType.RISK_ALERT, RiskAlert.class);
  }

  private EventJson() {}

  /**
   * Makes {@code payloadRecord} the payload that {@link #fromJson} reads for {@code type}
   * (replacing the built-in one).
   *
   * @throws IllegalArgumentException when the class is not a record
   */
  public static synchronized void registerPayload(EventType type, Class<? extends Payload> payloadRecord) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payloadRecord, "payloadRecord");
    if (!payloadRecord.isRecord()) {
      throw new IllegalArgumentException("payloadRecord must be a record class, was " + payloadRecord.getName());
    }
    PAYLOADS.put(type, payloadRecord);
  }

  /** The payload class {@link #fromJson} reads for {@code type}. */
  public static synchronized Class<? extends Payload> payloadClass(EventType type) {
    return PAYLOADS.get(type);
  }

  // ---------------------------------------------------------------- writing

  /** The event as JSON (a new object). */
  public static JsonObject toJson(Event event) {
    JsonObject json = new JsonObject(new LinkedHashMap<>(16))
        .put("id", event.id())
        .put("type", event.type().name())
        .put("source", event.source())
        .put("symbol", event.symbol())
        .put("time", time(event.timeNanos()))
        .put("payload", payloadToJson(event.payload()));
    if (!event.headers().isEmpty()) {
      json.put("headers", new JsonObject(new LinkedHashMap<>(event.headers())));
    }
    return json;
  }

  /** The payload as JSON: its record components, or {@code {"value": toString()}}; null for none. */
  public static JsonObject payloadToJson(Payload payload) {
    if (payload == null) {
      return null;
    }
    if (payload instanceof Record r) {
      return RecordJson.write(r);
    }
    return new JsonObject().put("value", payload.toString());
  }

  /** Event time as an ISO-8601 instant ({@code 2024-01-02T15:30:00.000000001Z}). */
  public static String time(long timeNanos) {
    return Instant.ofEpochSecond(0, timeNanos).toString();
  }

  // ---------------------------------------------------------------- reading

  /**
   * Reads an event to publish: {@code type} (required, an {@link EventType} name),
   * {@code source} (required), {@code symbol} (both as {@link EventFields} says), {@code time}
   * (ISO-8601, default now),
   * {@code payload} (an object in the shape of the type's payload record; required when the
   * type has one), {@code headers} (strings). The event gets a fresh id; an {@code id} given
   * (as {@link #toJson} writes it) is ignored.
   *
   * @throws EventJsonException with every problem, each with its path
   */
  public static Event fromJson(JsonObject json) {
    return read(json, null, false, FIELDS);
  }

  /**
   * Reads an event as {@link #toJson} wrote it, for logs and replays: its {@code id} is kept
   * (a fresh one when absent), {@code time} is required, a missing payload means none, its
   * payload is read into {@code payloadClass} (null: the type's), and the fields named in
   * {@code extraFields} are allowed (and ignored).
   *
   * @throws EventJsonException with every problem, each with its path
   */
  public static Event fromWrittenJson(JsonObject json, Class<? extends Payload> payloadClass, List<String> extraFields) {
    List<String> allowed = new ArrayList<>(FIELDS);
    allowed.addAll(extraFields);
    return read(json, payloadClass, true, allowed);
  }

  private static Event read(JsonObject json, Class<? extends Payload> payloadClass, boolean keepId,
      List<String> allowed) {
    Objects.requireNonNull(json, "json");
    List<EventJsonException.Problem> problems = new ArrayList<>();
    for (String key : json.fieldNames()) {
      if (!allowed.contains(key)) {
        problems.add(new EventJsonException.Problem(key, "unknown field, expected " + String.join(", ", allowed)));
      }
    }
    EventType type = null;
    Object typeValue = json.getValue("type");
    if (typeValue == null) {
      problems.add(new EventJsonException.Problem("type", "required, expected an event type such as SIGNAL"));
    } else if (!(typeValue instanceof String s) || !EventType.isKnown(s)) {
      problems.add(new EventJsonException.Problem("type", "unknown event type " + show(typeValue)
          + ", expected one of " + List.of(EventType.values())));
    } else {
      type = EventType.fromName(s);
    }
    String source = field(string(json, "source", true, problems), "source", EventFields.MAX_SOURCE_LENGTH, problems);
    String symbol = field(string(json, "symbol", false, problems), "symbol", EventFields.MAX_SYMBOL_LENGTH, problems);
    long timeNanos;
    if (keepId && json.getValue("time") == null) {
      problems.add(new EventJsonException.Problem("time", "required, expected an ISO-8601 instant such as 2024-01-02T15:30:00Z"));
      timeNanos = 0;
    } else {
      timeNanos = timeNanos(json.getValue("time"), problems);
    }
    Map<String, String> headers = headers(json.getValue("headers"), problems);
    // a written event without payload had none (its writer leaves it out); one to publish must have it
    Payload payload = type == null || (keepId && json.getValue("payload") == null) ? null
        : payload(type, payloadClass, json.getValue("payload"), problems);
    long id = 0;
    if (keepId && json.getValue("id") != null) {
      if (json.getValue("id") instanceof Number n) {
        id = n.longValue();
      } else {
        problems.add(new EventJsonException.Problem("id", "expected a number, got " + show(json.getValue("id"))));
      }
    }
    if (!problems.isEmpty()) {
      throw new EventJsonException(problems);
    }
    try {
      Event e = Event.of(type, source, symbol, timeNanos, payload);
      return headers.isEmpty() && id == 0 ? e
          : new Event(id != 0 ? id : e.id(), type, source, symbol, timeNanos, payload, headers);
    } catch (IllegalArgumentException e) {
      // every rule of Event is checked above with its path; this is for a rule added there later
      throw new EventJsonException(List.of(new EventJsonException.Problem("", String.valueOf(e.getMessage()))));
    }
  }

  /** {@code value} when it is null or follows {@link EventFields}; else null and a problem at {@code path}. */
  private static String field(String value, String path, int maxLength, List<EventJsonException.Problem> problems) {
    if (value == null) {
      return null;
    }
    String problem = EventFields.problem(value, maxLength);
    if (problem != null) {
      problems.add(new EventJsonException.Problem(path, problem));
      return null;
    }
    return value;
  }

  private static Payload payload(EventType type, Class<? extends Payload> given, Object value,
      List<EventJsonException.Problem> problems) {
    Class<? extends Payload> cls = given != null ? given : payloadClass(type);
    if (value == null) {
      if (cls != null) {
        problems.add(new EventJsonException.Problem("payload", "required for " + type + ", expected an object with "
            + String.join(", ", fieldsOf(cls))));
      }
      return null;
    }
    if (!(value instanceof JsonObject o)) {
      problems.add(new EventJsonException.Problem("payload", "expected an object, got " + show(value)));
      return null;
    }
    if (cls == null || !cls.isRecord()) {
      problems.add(new EventJsonException.Problem("payload", "events of type " + type + " carry no payload that can be read"));
      return null;
    }
    try {
      return (Payload) RecordJson.read(cls.asSubclass(Record.class), o, "payload");
    } catch (RecordJson.Problems p) {
      p.problems().forEach(e -> problems.add(new EventJsonException.Problem(e.getKey(), e.getValue())));
      return null;
    }
  }

  private static List<String> fieldsOf(Class<?> cls) {
    List<String> out = new ArrayList<>();
    if (cls.isRecord()) {
      for (var c : cls.getRecordComponents()) {
        out.add(RecordJson.snakeCase(c.getName()));
      }
    }
    return out;
  }

  private static String string(JsonObject json, String key, boolean required, List<EventJsonException.Problem> problems) {
    Object v = json.getValue(key);
    if (v == null) {
      if (required) {
        problems.add(new EventJsonException.Problem(key, "required, expected a string"));
      }
      return null;
    }
    if (!(v instanceof String s) || s.isBlank()) {
      problems.add(new EventJsonException.Problem(key, "expected a non-blank string, got " + show(v)));
      return null;
    }
    return s;
  }

  private static long timeNanos(Object v, List<EventJsonException.Problem> problems) {
    if (v == null) {
      return Event.nanos(Instant.now());
    }
    if (v instanceof String s) {
      try {
        return Event.nanos(Instant.parse(s));
      } catch (DateTimeParseException | ArithmeticException e) {
        // reported below
      }
    }
    problems.add(new EventJsonException.Problem("time", "expected an ISO-8601 instant such as 2024-01-02T15:30:00Z, got "
        + show(v)));
    return 0;
  }

  private static Map<String, String> headers(Object v, List<EventJsonException.Problem> problems) {
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof JsonObject o)) {
      problems.add(new EventJsonException.Problem("headers", "expected an object of strings, got " + show(v)));
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : o.fieldNames()) {
      String keyProblem = EventFields.problem(key, EventFields.MAX_HEADER_KEY_LENGTH);
      if (keyProblem != null) {
        problems.add(new EventJsonException.Problem("headers", "a header key " + keyProblem));
      } else if (o.getValue(key) instanceof String s) {
        String valueProblem = EventFields.problem(s, EventFields.MAX_HEADER_VALUE_LENGTH);
        if (valueProblem != null) {
          problems.add(new EventJsonException.Problem("headers." + key, valueProblem));
        } else {
          out.put(key, s);
        }
      } else {
        problems.add(new EventJsonException.Problem("headers." + key, "expected a string, got " + show(o.getValue(key))));
      }
    }
    return out;
  }

  private static String show(Object v) {
    if (v instanceof String s) {
      return "'" + s + "'";
    }
    if (v instanceof JsonObject) {
      return "an object";
    }
    if (v instanceof io.vertx.core.json.JsonArray) {
      return "a list";
    }
    return String.valueOf(v);
  }
}
