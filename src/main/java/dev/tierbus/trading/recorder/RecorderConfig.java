package dev.tierbus.trading.recorder;

import dev.tierbus.config.ParamReader;
import dev.tierbus.event.EventType;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Parameters of a {@code recorder}.
 *
 * <pre>
 *   events             list of event types   required   e.g. [SIGNAL, ORDER, FILL]; only these are written
 *   path               string                required   the log file, inside base_dir (relative to it, or absolute
 *                                                       within it); folders are created; e.g. logs/signals.jsonl
 *   base_dir           string                data       the folder every recorder file of the node lives in
 *                                                       (the node's data directory); a path outside it is refused
 *   append             boolean               true       add to an existing file (a torn last line left by a crash
 *                                                       is cut off first); false: start the file anew
 *   flush_interval_ms  integer >= 0          1000       write out lines that nobody waits for this often
 *                                                       (0: only when 64 KiB are collected and on undeploy)
 * </pre>
 *
 * @param file the log file: {@code path} resolved against {@code base_dir}, absolute and normalised
 * @param baseDir {@code base_dir}, absolute and normalised
 */
public record RecorderConfig(Set<EventType> events, String path, Path file, Path baseDir, boolean append,
    long flushIntervalMs) {

  public static final long DEFAULT_FLUSH_INTERVAL_MS = 1000;
  public static final String DEFAULT_BASE_DIR = "data";

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
    Path base = resolveBase(r, r.string("base_dir", DEFAULT_BASE_DIR));
    Path file = base == null || path == null ? null : resolveFile(r, base, path);
    boolean append = r.bool("append", true);
    long flush = r.integer("flush_interval_ms", DEFAULT_FLUSH_INTERVAL_MS, 0);
    return new RecorderConfig(events.isEmpty() ? Set.of(EventType.SIGNAL) : events, path == null ? "" : path,
        file, base, append, flush);
  }

  private static Path resolveBase(ParamReader r, String baseDir) {
    try {
      if (baseDir.isBlank()) {
        r.problem("base_dir", "is empty, expected a folder");
        return null;
      }
      return Path.of(baseDir).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      r.problem("base_dir", "is not a valid path: " + e.getReason());
      return null;
    }
  }

  private static Path resolveFile(ParamReader r, Path base, String path) {
    try {
      if (path.isBlank()) {
        r.problem("path", "is empty, expected a file name such as logs/signals.jsonl");
        return null;
      }
      Path file = base.resolve(path).normalize();
      if (!file.startsWith(base) || file.equals(base)) {
        r.problem("path", "'" + path + "' is outside the recorder's base_dir " + base
            + "; give a file inside it (relative paths are relative to it)");
        return null;
      }
      return file;
    } catch (InvalidPathException e) {
      r.problem("path", "is not a valid path: " + e.getReason());
      return null;
    }
  }
}
