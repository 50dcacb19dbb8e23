package dev.tierbus.trading.recorder;

import dev.tierbus.event.EventType;
import dev.tierbus.trading.support.ParamReader;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Parameters of a {@code recorder}.
 *
 * <pre>
 *   events             list of event types   required   e.g. [SIGNAL, ORDER, FILL]; only these are written
 *   path               string                required   the log file; folders are created; e.g. logs/signals.jsonl
 *   append             boolean               false      add to an existing file instead of starting it anew
 *   flush_interval_ms  integer >= 0          1000       write the buffer out this often (0: only when it fills and on undeploy)
 * </pre>
 */
public record RecorderConfig(Set<EventType> events, String path, boolean append, long flushIntervalMs) {

  public static final long DEFAULT_FLUSH_INTERVAL_MS = 1000;
  /** The parameter names this config reads. */
  public static final Set<String> KEYS = Set.of("events", "path", "append", "flush_interval_ms");

  public RecorderConfig {
    events = Set.copyOf(events);
  }

  /** Reads the parameters; problems go to {@code r}. */
  public static RecorderConfig read(ParamReader r) {
    Set<EventType> events = EnumSet.noneOf(EventType.class);
    if (!r.has("events")) {
      r.problem("events", "is required, expected a list of event types such as [SIGNAL, ORDER, FILL]");
    } else {
      List<String> names = r.strings("events", List.of());
      for (int i = 0; i < names.size(); i++) {
        try {
          events.add(EventType.fromName(names.get(i)));
        } catch (IllegalArgumentException e) {
          r.problem("events[" + i + "]", e.getMessage() + ", expected one of " + List.of(EventType.values()));
        }
      }
    }
    String path = r.requiredString("path");
    boolean append = r.bool("append", false);
    long flush = r.integer("flush_interval_ms", DEFAULT_FLUSH_INTERVAL_MS, 0);
    return new RecorderConfig(events.isEmpty() ? Set.of(EventType.SIGNAL) : events, path == null ? "" : path, append,
        flush);
  }
}
