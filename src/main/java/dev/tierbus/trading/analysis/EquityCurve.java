package dev.tierbus.trading.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The mark-to-market equity curve: one point per bar time, the last state given for that time.
 *
 * <p>A portfolio reports after every fill and every bar — with several symbols, several times
 * for one bar time — so a point is replaced until a later time arrives; then it is complete.
 * An update for a time before the last point's is out of order and ignored (counted). Not
 * thread-safe.
 */
public final class EquityCurve {

  private final List<EquityPoint> points = new ArrayList<>();
  private long outOfOrder;

  /**
   * Records the state at {@code timeNanos}.
   *
   * @return true when this update completed the previous point (it started a new time)
   */
  public boolean update(long timeNanos, double equity, boolean invested) {
    int n = points.size();
    EquityPoint point = new EquityPoint(timeNanos, equity, invested);
    if (n > 0) {
      long last = points.get(n - 1).timeNanos();
      if (timeNanos == last) {
        points.set(n - 1, point);
        return false;
      }
      if (timeNanos < last) {
        outOfOrder++;
        return false;
      }
    }
    points.add(point);
    return n > 0;
  }

  /** Every point; the last one may still change. */
  public List<EquityPoint> points() {
    return Collections.unmodifiableList(points);
  }

  /** Points that can no longer change (all but the last). */
  public int completed() {
    return Math.max(0, points.size() - 1);
  }

  public int size() {
    return points.size();
  }

  /** Updates ignored because they were older than the last point. */
  public long outOfOrder() {
    return outOfOrder;
  }
}
