package dev.tierbus.api.impl;

import dev.tierbus.event.Event;
import dev.tierbus.event.PortfolioUpdate;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The equity of every PORTFOLIO_UPDATE source since the hub started, downsampled to a bounded
 * number of points: what the dashboard draws when it opens.
 *
 * <p>A source's curve holds at most {@code capacity} points (time, equity). When it is full,
 * its older half is merged pairwise, each pair kept as its earlier point (the equity at the
 * start of the pair's span), so recent points stay fine and old ones grow coarser, and the
 * first point of the run stays the first: the whole run stays on the curve in bounded memory,
 * with O(1) amortised work per update. At most
 * {@value #MAX_SOURCES} sources are kept; the updates of further ones are not.
 *
 * <p>Not thread-safe: only the hub's context records and reads.
 */
final class EquityCurve {

  /** Sources kept: portfolio containers of one node, a handful. */
  static final int MAX_SOURCES = 16;

  private final int capacity;
  private final Map<String, Series> bySource = new LinkedHashMap<>();

  /** @param capacity points per source, at least 4 */
  EquityCurve(int capacity) {
    if (capacity < 4) {
      throw new IllegalArgumentException("capacity must be >= 4, was " + capacity);
    }
    this.capacity = capacity;
  }

  /** Takes the equity of a PORTFOLIO_UPDATE (others, and a non-finite equity, are ignored). */
  void record(Event e) {
    if (!(e.payload() instanceof PortfolioUpdate p) || !Double.isFinite(p.equity())) {
      return;
    }
    Series s = bySource.get(e.source());
    if (s == null) {
      if (bySource.size() >= MAX_SOURCES) {
        return;
      }
      s = new Series(capacity);
      bySource.put(e.source(), s);
    }
    s.add(e.timeNanos() / 1_000_000L, p.equity());
  }

  /** Forgets every curve (the hub stopped following PORTFOLIO_UPDATE). */
  void clear() {
    bySource.clear();
  }

  /** {@code [{"source", "points", "time_ms": [...], "equity": [...]}]}, each oldest first. */
  JsonArray toJson() {
    JsonArray curves = new JsonArray();
    bySource.forEach((source, s) -> {
      JsonArray times = new JsonArray();
      JsonArray values = new JsonArray();
      for (int i = 0; i < s.n; i++) {
        times.add(s.times[i]);
        values.add(s.values[i]);
      }
      curves.add(new JsonObject().put("source", source).put("points", s.n).put("time_ms", times).put("equity", values));
    });
    return curves;
  }

  int points(String source) {
    Series s = bySource.get(source);
    return s == null ? 0 : s.n;
  }

  private static final class Series {
    final long[] times;
    final double[] values;
    int n;

    Series(int capacity) {
      times = new long[capacity];
      values = new double[capacity];
    }

    void add(long timeMs, double equity) {
      if (n == times.length) {
        mergeOlderHalf();
      }
      times[n] = timeMs;
      values[n] = equity;
      n++;
    }

    /** The older half's pairs become one point each (the earlier one); the rest moves down. */
    private void mergeOlderHalf() {
      int half = (n / 2) & ~1;
      int kept = half / 2;
      for (int i = 0; i < kept; i++) {
        times[i] = times[2 * i];
        values[i] = values[2 * i];
      }
      System.arraycopy(times, half, times, kept, n - half);
      System.arraycopy(values, half, values, kept, n - half);
      n = kept + (n - half);
    }
  }
}
