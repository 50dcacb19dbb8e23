package dev.tierbus.loadtest.jmh;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventBatch;
import dev.tierbus.event.EventBatchCodec;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Tick;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The fast tier's wire format across nodes: one {@link EventBatch} of {@value #SIZE} TICK events
 * over 4 symbols encoded to / decoded from a Vert.x {@link Buffer} with {@link EventBatchCodec}.
 * Scores are per event ({@link OperationsPerInvocation}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BatchCodecBenchmark {

  static final int SIZE = 1000;
  private static final String[] SYMBOLS = {"AAPL", "MSFT", "GOOG", "AMZN"};

  private final EventBatchCodec codec = new EventBatchCodec();
  private EventBatch batch;
  private Buffer encoded;

  @Setup
  public void setUp() {
    Event[] events = new Event[SIZE];
    long t = 1_704_205_800_000_000_000L;
    for (int i = 0; i < SIZE; i++) {
      events[i] = Event.of(EventType.TICK, "feed", SYMBOLS[i & 3], t + i * 1_000_000L,
          new Tick(100.0 + (i & 1023) * 0.01, 1 + (i & 7)));
    }
    batch = new EventBatch("feed", events, SIZE, System.nanoTime());
    encoded = Buffer.buffer();
    codec.encodeToWire(encoded, batch);
  }

  @Benchmark
  @OperationsPerInvocation(SIZE)
  public Buffer encode() {
    Buffer out = Buffer.buffer(encoded.length());
    codec.encodeToWire(out, batch);
    return out;
  }

  @Benchmark
  @OperationsPerInvocation(SIZE)
  public EventBatch decode() {
    return codec.decodeFromWire(0, encoded);
  }
}
