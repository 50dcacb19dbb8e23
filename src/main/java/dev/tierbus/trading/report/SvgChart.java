package dev.tierbus.trading.report;

import dev.tierbus.trading.support.Decimals;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A time-series chart as inline SVG: axes, a few labelled grid lines, the series as a line or
 * as an area down from zero. No script, no external resources; the same series give the same
 * bytes (coordinates with 2 decimals, computed without any locale).
 *
 * <p>A series longer than {@value #MAX_POINTS} points is thinned for drawing: per column of
 * the plot, the first, lowest, highest and last points are kept, so every peak and trough
 * still shows.
 */
final class SvgChart {

  static final int WIDTH = 960;
  static final int HEIGHT = 280;
  static final int MAX_POINTS = 4000;
  private static final int LEFT = 84;
  private static final int RIGHT = 16;
  private static final int TOP = 14;
  private static final int BOTTOM = 34;
  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  /** How the series is drawn. */
  enum Style {
    LINE,
    AREA_FROM_ZERO
  }

  private SvgChart() {}

  /**
   * @param label accessible name of the chart
   * @param times the x values, epoch nanoseconds, ascending
   * @param values the y values, one per time
   * @param yLabel how a y tick is written
   */
  static String render(String label, long[] times, double[] values, Style style, String cssClass,
      DoubleFunction<String> yLabel) {
    StringBuilder svg = new StringBuilder(1024 + 16 * Math.min(values.length, MAX_POINTS));
    svg.append("<svg class=\"chart ").append(cssClass).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
        .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"").append(ReportFormat.html(label))
        .append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    if (values.length == 0) {
      svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
          .append("\" text-anchor=\"middle\">no data</text>\n</svg>\n");
      return svg.toString();
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (style == Style.AREA_FROM_ZERO) {
      hi = Math.max(hi, 0.0);
      lo = Math.min(lo, 0.0);
    }
    if (!(hi > lo)) {
      double pad = Math.abs(hi) > 0 ? Math.abs(hi) * 0.01 : 0.01;
      hi += pad;
      lo -= pad;
    }
    double step = niceStep((hi - lo) / 4);
    double yMin = Math.floor(lo / step) * step;
    double yMax = Math.ceil(hi / step) * step;
    long t0 = times[0];
    long t1 = times[times.length - 1];
    Scale s = new Scale(LEFT, TOP, plotW, plotH, t0, t1, times.length, yMin, yMax);

    // grid and y labels
    svg.append("<g class=\"grid\">\n");
    for (int k = 0; ; k++) {
      double v = yMin + k * step;
      if (v > yMax + step * 1e-9) {
        break;
      }
      String y = c(s.y(v));
      svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"").append(LEFT + plotW)
          .append("\" y2=\"").append(y).append("\"/>")
          .append("<text class=\"y\" x=\"").append(LEFT - 6).append("\" y=\"").append(y)
          .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
          .append(ReportFormat.html(yLabel.apply(Math.abs(v) < step * 1e-9 ? 0.0 : v))).append("</text>\n");
    }
    // x labels
    int labels = times.length == 1 ? 1 : 6;
    boolean showTime = t1 - t0 < 2 * NANOS_PER_DAY;
    for (int k = 0; k < labels; k++) {
      long t = labels == 1 ? t0 : t0 + (long) ((double) (t1 - t0) * k / (labels - 1));
      int index = labels == 1 ? 0 : (int) Math.round((double) (times.length - 1) * k / (labels - 1));
      String x = c(s.x(t, index));
      String text = showTime ? ReportFormat.time(t).substring(5, 16).replace('T', ' ') : ReportFormat.date(t);
      svg.append("<text class=\"x\" x=\"").append(x).append("\" y=\"").append(TOP + plotH + 20)
          .append("\" text-anchor=\"").append(k == 0 ? "start" : k == labels - 1 ? "end" : "middle").append("\">")
          .append(text).append("</text>\n");
    }
    svg.append("</g>\n");
    svg.append("<rect class=\"frame\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
        .append(plotW).append("\" height=\"").append(plotH).append("\"/>\n");

    List<Integer> keep = thin(times, values, s, plotW);
    StringBuilder points = new StringBuilder(keep.size() * 16);
    for (int i : keep) {
      if (points.length() > 0) {
        points.append(' ');
      }
      points.append(c(s.x(times[i], i))).append(',').append(c(s.y(values[i])));
    }
    if (style == Style.AREA_FROM_ZERO) {
      String zero = c(s.y(0.0));
      String first = c(s.x(times[keep.get(0)], keep.get(0)));
      String last = c(s.x(times[keep.get(keep.size() - 1)], keep.get(keep.size() - 1)));
      svg.append("<polygon class=\"area\" points=\"").append(first).append(',').append(zero).append(' ')
          .append(points).append(' ').append(last).append(',').append(zero).append("\"/>\n");
    }
    svg.append("<polyline class=\"series\" fill=\"none\" points=\"").append(points).append("\"/>\n");
    svg.append("</svg>\n");
    return svg.toString();
  }

  /** Maps times and values to plot coordinates. */
  private record Scale(int left, int top, int width, int height, long t0, long t1, int count, double yMin,
      double yMax) {
    double x(long t, int index) {
      if (t1 > t0) {
        return left + (double) (t - t0) / (double) (t1 - t0) * width;
      }
      return count <= 1 ? left + width / 2.0 : left + (double) index / (count - 1) * width;
    }

    double y(double v) {
      return top + (yMax - v) / (yMax - yMin) * height;
    }
  }

  /** Indexes to draw: all of them, or per plot column the first, lowest, highest and last. */
  private static List<Integer> thin(long[] times, double[] values, Scale s, int columns) {
    List<Integer> keep = new ArrayList<>();
    if (values.length <= MAX_POINTS) {
      for (int i = 0; i < values.length; i++) {
        keep.add(i);
      }
      return keep;
    }
    int i = 0;
    while (i < values.length) {
      int column = (int) Math.floor(s.x(times[i], i) - s.left());
      int first = i;
      int min = i;
      int max = i;
      int j = i + 1;
      while (j < values.length && (int) Math.floor(s.x(times[j], j) - s.left()) == column) {
        if (values[j] < values[min]) {
          min = j;
        }
        if (values[j] > values[max]) {
          max = j;
        }
        j++;
      }
      int last = j - 1;
      int a = Math.min(min, max);
      int b = Math.max(min, max);
      for (int k : new int[] {first, a, b, last}) {
        if (keep.isEmpty() || keep.get(keep.size() - 1) < k) {
          keep.add(k);
        }
      }
      i = j;
    }
    return keep;
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    if (!(raw > 0) || !Double.isFinite(raw)) {
      return 1.0;
    }
    double power = StrictMath.pow(10, Math.floor(StrictMath.log10(raw)));
    double f = raw / power;
    double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return nice * power;
  }

  private static String c(double v) {
    return Decimals.format(v, 2);
  }
}
