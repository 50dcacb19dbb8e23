package dev.tierbus.loadtest.jmh;

import dev.tierbus.metrics.LatencyRecorder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Recording one latency into a tier's {@link LatencyRecorder} (HdrHistogram {@code Recorder}),
 * as the standard tier does once per delivered event: from one thread, and from two threads
 * sharing the recorder, as two worker threads draining two subscriptions do.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LatencyRecorderBenchmark {

  @State(Scope.Benchmark)
  public static class Shared {
    final LatencyRecorder recorder = new LatencyRecorder();
  }

  @State(Scope.Thread)
  public static class Values {
    long v = 12_345;

    long next() {
      v = v * 6364136223846793005L + 1442695040888963407L;
      return 1_000 + ((v >>> 40) & 0xFFFFF); // 1 µs .. ~1 ms in ns
    }
  }

  @Benchmark
  public void oneThread(Shared shared, Values values) {
    shared.recorder.record(values.next());
  }

  @Benchmark
  @Threads(2)
  public void twoThreadsShared(Shared shared, Values values) {
    shared.recorder.record(values.next());
  }
}
