package dev.tierbus.trading.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The bars of several files merged into one time line of {@link TimeGroup}s: a k-way merge
 * that holds one bar per file (the file's next one), so files of any length are streamed.
 *
 * <p>Order: by bar time; bars of one instant form one group, in the order of the files in
 * the configuration. All files must have the same timeframe (a group is one period). With
 * {@code loop}, an exhausted replay starts again from the top with every time shifted by
 * {@code k × span} on pass k, where span = last − first + timeframe (rounded up to whole weeks
 * for daily and longer bars, so weekdays stay weekdays): times keep increasing forever.
 *
 * <p>Blocking (reads files); not thread-safe: one caller at a time, off the event loops.
 */
final class ReplayCursor implements GroupSource {

  private static final long WEEK = Timeframe.Unit.WEEK.nanos();

  private record Head(ReplayBar bar, int source) {}

  private final List<DataFileConfig> files;
  private final Timeframe defaultTimeframe;
  private final BadRows badRows;
  private final boolean loop;
  private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> {
    int c = Long.compare(a.bar.timeNanos(), b.bar.timeNanos());
    return c != 0 ? c : Integer.compare(a.source, b.source);
  });
  private BarSource[] sources;
  private Timeframe timeframe;
  private long pass;
  private long shift;
  private long span;
  private long firstTime = Long.MIN_VALUE;
  private long lastTime;
  private long groupsThisPass;
  private long groups;
  private long bars;
  private boolean done;
  /** First and last bar time of each file on the first pass (Long.MIN_VALUE: no bar yet). */
  private final long[] fileFirst;
  private final long[] fileLast;

  /**
   * @param defaultTimeframe the container's timeframe for files without their own, or null
   */
  ReplayCursor(List<DataFileConfig> files, Timeframe defaultTimeframe, BadRows badRows, boolean loop) {
    this.files = List.copyOf(files);
    this.defaultTimeframe = defaultTimeframe;
    this.badRows = badRows;
    this.loop = loop;
    this.fileFirst = new long[this.files.size()];
    this.fileLast = new long[this.files.size()];
    Arrays.fill(fileFirst, Long.MIN_VALUE);
  }

  /**
   * Opens every file and reads its first bar.
   *
   * @throws BadRowException for a bad file (or bad first rows under {@code fail})
   */
  ReplayCursor open() throws IOException {
    openPass();
    return this;
  }

  private void openPass() throws IOException {
    closeSources();
    sources = new BarSource[files.size()];
    for (int i = 0; i < files.size(); i++) {
      DataFileConfig f = files.get(i);
      Timeframe tf = f.timeframe() != null ? f.timeframe() : defaultTimeframe;
      DataFormat format = f.format() != null ? f.format() : detectFormat(f);
      if (format == DataFormat.OHLCV && f.publishTicks()) {
        throw new BadRowException(f.path(), 1, "publish_ticks is set but this is an ohlcv file, which has no ticks", true);
      }
      if (format == DataFormat.TRADES && tf == null) {
        throw new BadRowException(f.path(), 1, "a trades file is aggregated into bars and needs a timeframe"
            + " (timeframe or files[i].timeframe), e.g. 1min", true);
      }
      sources[i] = format == DataFormat.TRADES ? new TradeBarAggregator(f, tf, badRows) : new OhlcvCsvReader(f, tf, badRows);
    }
    for (int i = 0; i < sources.length; i++) {
      ReplayBar first = sources[i].next();
      checkTimeframe(i);
      if (first != null) {
        heads.add(new Head(first, i));
      }
    }
  }

  private static DataFormat detectFormat(DataFileConfig f) throws IOException {
    try (CsvFile file = CsvFile.open(f.path())) {
      return CsvColumns.of(file, null).format;
    }
  }

  private void checkTimeframe(int i) {
    Timeframe tf = sources[i].timeframe();
    if (tf == null) {
      return; // an empty file
    }
    if (timeframe == null) {
      timeframe = tf;
    } else if (!timeframe.equals(tf)) {
      throw new BadRowException(sources[i].name(), 1, "its timeframe " + tf + " differs from " + timeframe
          + " of the files before it; one data container replays one timeframe (use one container per timeframe)", true);
    }
  }

  /** The timeframe of the replay (null before the first bar). */
  @Override
  public Timeframe timeframe() {
    return timeframe;
  }

  /**
   * Up to {@code max} next groups; an empty list once the replay is over (never, with loop,
   * unless the files hold no bar).
   */
  @Override
  public List<TimeGroup> next(int max) throws IOException {
    List<TimeGroup> out = new ArrayList<>(Math.min(max, 1024));
    while (out.size() < max && !done) {
      if (heads.isEmpty()) {
        if (!loop || groupsThisPass == 0) {
          done = true;
          break;
        }
        nextPass();
        continue;
      }
      long t = heads.peek().bar.timeNanos();
      List<ReplayBar> group = new ArrayList<>(Math.min(4, sources.length));
      while (!heads.isEmpty() && heads.peek().bar.timeNanos() == t) {
        Head h = heads.poll();
        group.add(h.bar.shifted(shift));
        if (pass == 0) {
          if (fileFirst[h.source] == Long.MIN_VALUE) {
            fileFirst[h.source] = t;
          }
          fileLast[h.source] = t;
        }
        ReplayBar following = sources[h.source].next();
        if (following != null) {
          heads.add(new Head(following, h.source));
        }
      }
      if (pass == 0) {
        if (firstTime == Long.MIN_VALUE) {
          firstTime = t;
        }
        lastTime = t;
      }
      groupsThisPass++;
      groups++;
      bars += group.size();
      out.add(new TimeGroup(t + shift, List.copyOf(group)));
    }
    return out;
  }

  private void nextPass() throws IOException {
    if (span == 0) {
      long tf = timeframe.nanos();
      span = lastTime - firstTime + tf;
      if (tf % Timeframe.Unit.DAY.nanos() == 0) {
        span = (span + WEEK - 1) / WEEK * WEEK;
      }
    }
    pass++;
    shift = Math.multiplyExact(pass, span);
    groupsThisPass = 0;
    heads.clear();
    openPass();
  }

  /**
   * The time each file covers, as far as it has been read on the first pass: complete once
   * {@link #next} has returned every group of that pass. Files without a bar are left out.
   */
  List<FileSpan> spans() {
    List<FileSpan> out = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      if (fileFirst[i] != Long.MIN_VALUE) {
        out.add(new FileSpan(files.get(i).symbol(), files.get(i).path(), fileFirst[i], fileLast[i]));
      }
    }
    return out;
  }

  /** True once the first pass over the files has been read to its end. */
  boolean firstPassRead() {
    return pass > 0 || done;
  }

  /** Groups returned so far. */
  long groups() {
    return groups;
  }

  /** Bars returned so far. */
  long bars() {
    return bars;
  }

  /** Completed passes before the current one (0 on the first pass). */
  @Override
  public long loops() {
    return pass;
  }

  private void closeSources() throws IOException {
    if (sources == null) {
      return;
    }
    IOException first = null;
    for (BarSource s : sources) {
      try {
        if (s != null) {
          s.close();
        }
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    sources = null;
    if (first != null) {
      throw first;
    }
  }

  @Override
  public void close() throws IOException {
    done = true;
    heads.clear();
    closeSources();
  }
}
