package dev.tierbus.trading.recorder;

import dev.tierbus.container.Container;
import dev.tierbus.container.ContainerFactory;
import dev.tierbus.container.Emitter;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.router.Filter;
import dev.tierbus.router.Subscription;
import dev.tierbus.router.SubscriptionHandle;
import dev.tierbus.trading.support.ParamReader;
import dev.tierbus.trading.support.ValidatingFactory;
import io.vertx.core.Future;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the events it receives to a JSON Lines file, one event a line ({@link EventLine}):
 * container type {@code recorder} ({@link RecorderConfig}). {@link SignalLogReader} reads
 * such a file back.
 *
 * <pre>
 *   subscriptions (or, without any, every source's {@code events}) ──► recorder ──► buffer (64 KiB) ──► file
 * </pre>
 *
 * <p>What it receives is its subscriptions' business; with no {@code subscribes} in its
 * entry it subscribes itself to its {@code events} from every source. Of what arrives, only
 * the configured event types are written, in arrival order (per source and symbol that is
 * publish order).
 *
 * <p>File writes block, so the recorder runs on a worker context (the default
 * {@code threading}) and refuses to start on an event loop. Lines are buffered and written
 * out when the buffer fills, every {@code flush_interval_ms}, and on undeploy, after which the
 * file is complete. What a crash can lose: the lines of the last flush interval. A write that
 * fails is counted and logged (rate-limited); the recorder goes on with the next event.
 */
public final class RecorderContainer extends Container {

  private static final Logger log = LoggerFactory.getLogger(RecorderContainer.class);
  private static final int BUFFER_CHARS = 1 << 16;

  private final RecorderConfig config;
  private final List<SubscriptionHandle> own = new ArrayList<>();
  private final LongAdder written = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private BufferedWriter writer;
  private long flushTimer = -1;

  public RecorderContainer(RecorderConfig config) {
    this.config = config;
  }

  /** Factory of {@code recorder}. */
  public static ContainerFactory factory() {
    return new ValidatingFactory<>("recorder", RecorderConfig::read, (spec, config) -> new RecorderContainer(config));
  }

  public RecorderConfig recorderConfig() {
    return config;
  }

  /** Events written so far (in the buffer or in the file). */
  public long eventsWritten() {
    return written.sum();
  }

  /** Events that could not be written. */
  public long writeFailures() {
    return failures.sum();
  }

  @Override
  protected Future<?> setUp() throws IOException {
    List<String> unknown = ParamReader.unknownKeys(params(), RecorderConfig.KEYS);
    if (!unknown.isEmpty()) {
      log.warn("recorder {}: parameters {} are not used", id(), unknown);
    }
    if (context.isEventLoopContext()) {
      return Future.failedFuture(new IllegalStateException("recorder " + id()
          + " writes a file, which would block an event loop: use threading: worker (the default)"));
    }
    Path path = Path.of(config.path());
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    writer = new BufferedWriter(java.nio.channels.Channels.newWriter(Files.newByteChannel(path,
        StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        config.append() ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING),
        StandardCharsets.UTF_8), BUFFER_CHARS);
    addComponent("recorder", this::onEvent);
    if (config.flushIntervalMs() > 0) {
      flushTimer = vertx.setPeriodic(config.flushIntervalMs(), id -> flushFile());
    }
    log.info("recorder {}: writing {} to {}", id(), config.events(), path.toAbsolutePath());
    if (!spec().subscriptions().isEmpty()) {
      return Future.succeededFuture();
    }
    Subscription all = new Subscription(id(), null, config.events(), Filter.NONE, null);
    return router().subscribe(all, this::onExternalEvent).onSuccess(own::add);
  }

  private void onEvent(Event event, Emitter out) {
    if (!config.events().contains(event.type())) {
      return;
    }
    String line;
    try {
      line = EventLine.toJson(event).encode();
    } catch (RuntimeException e) {
      failed(event.type(), e);
      return;
    }
    try {
      writer.write(line);
      writer.newLine();
      written.increment();
    } catch (IOException e) {
      failed(event.type(), e);
    }
  }

  private void failed(EventType type, Exception e) {
    failures.increment();
    long n = failures.sum();
    if (n == 1 || Long.bitCount(n) == 1) {
      log.error("recorder {}: {} events could not be written so far; this {}: {}", id(), n, type, e.toString());
    }
  }

  private void flushFile() {
    try {
      if (writer != null) {
        writer.flush();
      }
    } catch (IOException e) {
      failures.increment();
      log.error("recorder {}: flushing {} failed: {}", id(), config.path(), e.toString());
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
      try {
        if (writer != null) {
          writer.close();
          writer = null;
        }
        log.info("recorder {}: {} events written to {}", id(), written.sum(), config.path());
        return Future.succeededFuture();
      } catch (IOException e) {
        return Future.failedFuture(e);
      }
    });
  }
}
