package dev.tierbus.trading.recorder;

import dev.tierbus.event.Event;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a recorder's JSON Lines log back into {@link Event}s, one line at a time: what a
 * signal-replay container feeds on.
 *
 * <p>Each non-blank line is one event in {@link EventLine}'s form; events come back with
 * their ids, times, headers and payloads as recorded. A line that is not such an event is an
 * {@link IOException} naming the file, the line and what is wrong. Blocking (it reads a
 * file): use it off the event loops. Not thread-safe.
 *
 * <pre>{@code
 * try (SignalLogReader log = SignalLogReader.open(Path.of("logs/signals.jsonl"))) {
 *   for (Event e = log.next(); e != null; e = log.next()) { ... }
 * }
 * }</pre>
 */
public final class SignalLogReader implements AutoCloseable {

  private final Path path;
  private final BufferedReader reader;
  private long line;

  private SignalLogReader(Path path, BufferedReader reader) {
    this.path = path;
    this.reader = reader;
  }

  /** Opens a log for reading. */
  public static SignalLogReader open(Path path) throws IOException {
    return new SignalLogReader(path, Files.newBufferedReader(path, StandardCharsets.UTF_8));
  }

  /** Every event of the log at {@code path}, in file order. */
  public static List<Event> readAll(Path path) throws IOException {
    List<Event> out = new ArrayList<>();
    try (SignalLogReader log = open(path)) {
      for (Event e = log.next(); e != null; e = log.next()) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * The next event, or null at the end of the log.
   *
   * @throws IOException when the file cannot be read, or for a line that is not an event ({@code <file>:<line>: ...})
   */
  public Event next() throws IOException {
    String text;
    do {
      text = reader.readLine();
      if (text == null) {
        return null;
      }
      line++;
    } while (text.isBlank());
    try {
      return EventLine.fromJson(new JsonObject(text));
    } catch (DecodeException e) {
      throw new IOException(path + ":" + line + ": not a JSON object: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IOException(path + ":" + line + ": " + e.getMessage(), e);
    }
  }

  /** The number of the last line read. */
  public long lineNumber() {
    return line;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
