package dev.tierbus.loadtest.jmh;

import dev.tierbus.event.Event;
import dev.tierbus.event.EventType;
import dev.tierbus.event.Tick;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Making one fast-tier event, as a feed handler does per tick: {@code Event.of} (a fresh id
 * from {@code EventIds}) plus a {@code Tick} payload. The two-thread variant shows what the
 * process-wide id counter costs when two publishers create events at once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventBenchmark {

  private long i;

  @Benchmark
  public Event tickEvent() {
    long n = i++;
    return Event.of(EventType.TICK, "feed", "AAPL", n, new Tick(100.0 + (n & 1023) * 0.01, 1));
  }

  @Benchmark
  @Threads(2)
  public Event tickEventTwoThreads() {
    long n = i++;
    return Event.of(EventType.TICK, "feed", "AAPL", n, new Tick(100.0 + (n & 1023) * 0.01, 1));
  }
}
