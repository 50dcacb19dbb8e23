package dev.tierbus.loadtest;

import dev.tierbus.event.Event;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes allocated by every thread of the JVM and GC activity between two points in time.
 *
 * <p>Allocation is read per thread with {@code com.sun.management.ThreadMXBean
 * #getThreadAllocatedBytes} and summed; a thread started in between counts from zero, a thread
 * that ended in between is lost (the harness's threads live for the whole phase, so this
 * undercounts only short-lived helper threads).
 */
final class AllocationMeter {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final Map<Long, Long> startBytes = new HashMap<>();
  private final long startGcCount;
  private final long startGcMillis;

  private AllocationMeter() {
    long[] ids = THREADS.getAllThreadIds();
    long[] bytes = THREADS.getThreadAllocatedBytes(ids);
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0) {
        startBytes.put(ids[i], bytes[i]);
      }
    }
    startGcCount = gcCount();
    startGcMillis = gcMillis();
  }

  static AllocationMeter start() {
    if (!THREADS.isThreadAllocatedMemoryEnabled()) {
      THREADS.setThreadAllocatedMemoryEnabled(true);
    }
    return new AllocationMeter();
  }

  /** Bytes allocated by all threads since {@link #start()}. */
  long allocatedBytes() {
    long[] ids = THREADS.getAllThreadIds();
    long[] bytes = THREADS.getThreadAllocatedBytes(ids);
    long sum = 0;
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0) {
        sum += bytes[i] - startBytes.getOrDefault(ids[i], 0L);
      }
    }
    return sum;
  }

  long gcCountSince() {
    return gcCount() - startGcCount;
  }

  long gcMillisSince() {
    return gcMillis() - startGcMillis;
  }

  private static long gcCount() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionCount());
    }
    return n;
  }

  private static long gcMillis() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionTime());
    }
    return n;
  }

  /**
   * Bytes this thread allocates to make one event with {@code maker}: the share of a case's
   * allocation figure that is the benchmark's own event creation, not the router.
   */
  static double perEvent(MarketData.Maker maker) {
    Event[] keep = new Event[1024];
    int n = 200_000;
    for (int i = 0; i < n; i++) { // warm the maker up so escape analysis and TLABs settle
      keep[i & 1023] = maker.make("source", i);
    }
    long tid = Thread.currentThread().getId();
    long before = THREADS.getThreadAllocatedBytes(tid);
    for (int i = 0; i < n; i++) {
      keep[i & 1023] = maker.make("source", i);
    }
    long after = THREADS.getThreadAllocatedBytes(tid);
    return (after - before) / (double) n;
  }

  /** Heap in use after a full collection, in MiB: what the case left live. */
  static double heapAfterGcMiB() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }
}
