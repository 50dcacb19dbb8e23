package dev.tierbus.backtest;

import dev.tierbus.trading.data.FileSpan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether the files of a replay cover one stretch of market time or several apart. Several
 * apart (files that do not overlap) still replay, one after the other, but the equity curve
 * and every metric of the backtest then run across the gaps between them: worth a warning.
 */
final class DataPeriods {

  /** Files whose spans overlap, chained: one stretch of time. */
  private static final class Period {
    final List<FileSpan> files = new ArrayList<>();
    long first;
    long last;

    Period(FileSpan f) {
      files.add(f);
      first = f.firstNanos();
      last = f.lastNanos();
    }
  }

  private DataPeriods() {}

  /** The warning for {@code spans} that make more than one period, or empty. */
  static Optional<String> apartWarning(List<FileSpan> spans) {
    List<FileSpan> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingLong(FileSpan::firstNanos));
    List<Period> periods = new ArrayList<>();
    for (FileSpan f : sorted) {
      Period current = periods.isEmpty() ? null : periods.get(periods.size() - 1);
      if (current != null && f.firstNanos() <= current.last) {
        current.files.add(f);
        current.last = Math.max(current.last, f.lastNanos());
      } else {
        periods.add(new Period(f));
      }
    }
    if (periods.size() < 2) {
      return Optional.empty();
    }
    List<String> described = new ArrayList<>();
    for (Period p : periods) {
      described.add(String.join(", ", p.files.stream().map(FileSpan::symbol).toList()) + " " + time(p.first)
          + " to " + time(p.last));
    }
    return Optional.of("the files do not overlap in time: they make " + periods.size()
        + " periods, replayed one after the other (" + String.join("; ", described) + "), so the equity curve and"
        + " the metrics (CAGR, Sharpe, exposure) run across the gaps between them; backtest one period at a time");
  }

  /** A bar time as a date when it is midnight UTC (daily bars), else as an ISO instant. */
  private static String time(long nanos) {
    String iso = Instant.ofEpochSecond(0, nanos).toString();
    return iso.endsWith("T00:00:00Z") ? iso.substring(0, 10) : iso;
  }
}
