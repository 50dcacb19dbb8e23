package dev.tierbus.trading.recorder;

import dev.tierbus.container.ValidatingFactory;
import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerFactory;
import dev.tierbus.container.Emitter;
import dev.tierbus.event.Event;
import dev.tierbus.journal.ReliableDelivery;
import dev.tierbus.router.Filter;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.SubscriptionHandle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the events it receives to a JSON Lines file, one event a line ({@link EventLine}):
 * container type {@code recorder} ({@link RecorderConfig}). {@link SignalLogReader} reads
 * such a file back.
 *
 * <pre>
 *   subscriptions (or, without any, every source's {@code events})
 *       ──► encode one line (UTF-8, strict) ──► collect ──► write + force (one group) ──► confirm
 * </pre>
 *
 * <p><b>A durable consumer.</b> A reliable-tier event (ORDER, FILL, ...) is confirmed only
 * once the line that holds it has been written and forced to the disk: the lines collected
 * while the recorder's context is busy are written and forced together, right after (group
 * fsync), and only then are their deliveries confirmed. A write or force that fails fails
 * every delivery of its group (they come again with the retry) and the file is cut back to
 * before the group. Each line is encoded on its own before anything is collected: an event
 * that cannot be written (text that is not valid UTF-16, say) fails only its own delivery.
 * Other events (SIGNAL, ...) are not waited for: their lines go out with the next group, when
 * 64 KiB are collected, every {@code flush_interval_ms}, and on undeploy — a crash can lose
 * those of the last interval.
 *
 * <p>The file lives inside {@code base_dir} (the node's data directory). With {@code append}
 * (the default) a restart adds to it, after cutting off a torn last line a crash may have left.
 *
 * <p>What it receives is its subscriptions' business; with no {@code subscribes} in its entry
 * it subscribes itself to its {@code events} from every source. Of what arrives, only the
 * configured event types are written, in arrival order (per source and symbol that is publish
 * order). File writes block, so the recorder runs on a worker context (the default
 * {@code threading}) and refuses to start on an event loop.
 */
public final class RecorderContainer extends Container {

  private static final Logger log = LoggerFactory.getLogger(RecorderContainer.class);
  /** Collected bytes that make a flush happen at once, whether anybody waits or not. */
  static final int FLUSH_BYTES = 1 << 16;
  private static final long FAILURE_LOG_INTERVAL_NANOS = 10_000_000_000L;

  private final RecorderConfig config;
  private final List<SubscriptionHandle> own = new ArrayList<>();
  private final LongAdder written = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder groups = new LongAdder();
  private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  /** Deliveries waiting for the next forced flush, in the order of their lines. */
  private List<Promise<Void>> waiting = new ArrayList<>();
  private boolean flushScheduled;
  private RecordingFile file;
  private long flushTimer = -1;
  private long lastFailureLog;

  public RecorderContainer(RecorderConfig config) {
    this.config = config;
  }

  /** Factory of {@code recorder}. */
  public static ContainerFactory factory() {
    // where the node writes is the operator's to say, in the file: the API cannot move it
    return new ValidatingFactory<>("recorder", RecorderConfig::read, (spec, config) -> new RecorderContainer(config))
        .withFileOnlyParameters(Set.of("base_dir"));
  }

  public RecorderConfig recorderConfig() {
    return config;
  }

  /** Events whose lines were written to the file. */
  public long eventsWritten() {
    return written.sum();
  }

  /** Events that could not be written (unencodable, or their group's write failed). */
  public long writeFailures() {
    return failures.sum();
  }

  /** Writes to the file so far (each a group of lines, forced when somebody waited for it). */
  public long flushes() {
    return groups.sum();
  }

  @Override
  protected Future<?> setUp() throws IOException {
    if (context.isEventLoopContext()) {
      return Future.failedFuture(new IllegalStateException("recorder " + id()
          + " writes a file, which would block an event loop: use threading: worker (the default)"));
    }
    Path path = config.file();
    Files.createDirectories(path.getParent());
    Path realBase = config.baseDir().toRealPath();
    if (!path.getParent().toRealPath().startsWith(realBase)) {
      return Future.failedFuture(new IllegalStateException("recorder " + id() + ": " + path.getParent()
          + " leads outside the base_dir " + realBase + " through a symbolic link"));
    }
    file = RecordingFile.open(path, config.append());
    if (file.tornBytesCut() > 0) {
      log.warn("recorder {}: cut a torn last line of {} bytes off {} (left by a crash; it was never confirmed)",
          id(), file.tornBytesCut(), path);
    }
    addAsyncComponent("recorder", this::onEvent);
    if (config.flushIntervalMs() > 0) {
      flushTimer = vertx.setPeriodic(config.flushIntervalMs(), t -> flushNow());
    }
    log.info("recorder {}: {} {} to {}", id(), config.append() && file.size() > 0 ? "appending" : "writing",
        config.events(), path);
    if (!spec().subscriptions().isEmpty()) {
      return Future.succeededFuture();
    }
    Subscription all = new Subscription(id(), null, config.events(), Filter.NONE, null);
    return router().subscribe(all, externalHandler()).onSuccess(own::add);
  }

  private Future<?> onEvent(Event event, Emitter out) {
    if (!config.events().contains(event.type()) || file == null) {
      return null;
    }
    byte[] line;
    try {
      line = encode(EventLine.toJson(event).encode());
    } catch (CharacterCodingException | RuntimeException e) {
      failures.increment();
      throw new IllegalArgumentException("recorder " + id() + ": " + event.type() + " " + event.id()
          + " cannot be written as a line of UTF-8 JSON: " + e, e);
    }
    file.append(line);
    if (ReliableDelivery.of(event).isEmpty()) {
      // nobody waits for it; it goes out with the next group
      if (file.pendingBytes() >= FLUSH_BYTES) {
        scheduleFlush();
      }
      return null;
    }
    Promise<Void> durable = Promise.promise();
    waiting.add(durable);
    scheduleFlush();
    return durable.future();
  }

  private byte[] encode(String line) throws CharacterCodingException {
    ByteBuffer bytes = utf8.reset().encode(CharBuffer.wrap(line));
    return bytes.hasArray() && bytes.arrayOffset() == 0 && bytes.limit() == bytes.array().length
        ? bytes.array() : Arrays.copyOfRange(bytes.array(), bytes.arrayOffset(), bytes.arrayOffset() + bytes.limit());
  }

  /** Flushes once the current task of the context is done, so its lines share one force. */
  private void scheduleFlush() {
    if (!flushScheduled) {
      flushScheduled = true;
      context.runOnContext(v -> flushNow());
    }
  }

  private void flushNow() {
    flushScheduled = false;
    if (file == null || (file.pendingLines() == 0 && waiting.isEmpty())) {
      return;
    }
    List<Promise<Void>> group = waiting;
    waiting = new ArrayList<>();
    int lines = file.pendingLines();
    try {
      file.flush(true);
      groups.increment();
      written.add(lines);
      group.forEach(Promise::complete);
    } catch (IOException | RuntimeException e) {
      failures.add(lines);
      long now = System.nanoTime();
      if (lastFailureLog == 0 || now - lastFailureLog > FAILURE_LOG_INTERVAL_NANOS) {
        lastFailureLog = now;
        log.error("recorder {}: writing {} lines to {} failed ({} events could not be written so far): {}", id(),
            lines, config.file(), failures.sum(), e.toString());
      }
      IOException failure = new IOException("recorder " + id() + ": writing to " + config.file() + " failed: " + e, e);
      group.forEach(p -> p.fail(failure));
    }
  }

  @Override
  protected Future<?> tearDown() {
    if (flushTimer >= 0) {
      vertx.cancelTimer(flushTimer);
    }
    List<Future<Void>> ends = new ArrayList<>();
    for (SubscriptionHandle h : own) {
      ends.add(h.unsubscribe());
    }
    own.clear();
    return Future.join(ends).eventually(() -> {
      if (file == null) {
        return Future.succeededFuture();
      }
      flushNow();
      try {
        file.close();
        log.info("recorder {}: {} events written to {}", id(), written.sum(), config.file());
        return Future.succeededFuture();
      } catch (IOException e) {
        return Future.failedFuture(e);
      } finally {
        file = null;
      }
    });
  }
}
