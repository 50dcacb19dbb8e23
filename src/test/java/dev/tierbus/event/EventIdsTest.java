package dev.tierbus.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EventIdsTest {

  @Test
  void idsAreUniqueAcrossThreadsAndGrowPerThread() throws Exception {
    int threads = 4;
    int perThread = 3 * EventIds.BLOCK + 17;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<long[]>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(pool.submit(() -> {
          long[] ids = new long[perThread];
          for (int i = 0; i < perThread; i++) {
            ids[i] = EventIds.next();
          }
          return ids;
        }));
      }
      Set<Long> all = new HashSet<>();
      for (Future<long[]> f : results) {
        long[] ids = f.get();
        for (int i = 0; i < ids.length; i++) {
          assertThat(all.add(ids[i])).as("duplicate id %d", ids[i]).isTrue();
          if (i > 0) {
            assertThat(ids[i] & 0xFFFF_FFFF_FFFFL).isGreaterThan(ids[i - 1] & 0xFFFF_FFFF_FFFFL);
          }
        }
      }
      assertThat(all).hasSize(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
  }
}
