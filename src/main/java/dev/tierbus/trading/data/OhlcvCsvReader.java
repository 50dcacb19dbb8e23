package dev.tierbus.trading.data;

import dev.tierbus.event.Bar;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The bars of an OHLCV file, one per row, checked as they are read.
 *
 * <p>A row is bad (see {@link BadRowPolicy}) when it has fewer fields than its columns need,
 * a field is not a number, high &lt; low, open or close lies outside [low, high], volume is
 * negative, the time cannot be read, or the time is not after the previous good row's by at
 * least the timeframe (one hour less for daily and longer bars, for daylight-saving days).
 * The timeframe is the configured one; a file of dates without one is {@code 1D}; a file
 * with times of day and no timeframe is refused at its first row.
 */
final class OhlcvCsvReader implements BarSource {

  private static final long HOUR = 3_600_000_000_000L;

  private final DataFileConfig config;
  private final CsvFile file;
  private final CsvColumns columns;
  private final BadRows badRows;
  private TimestampParser parser;
  private Timeframe timeframe;
  private String timeframeLabel;
  private long minSpacing;
  private long lastTime = Long.MIN_VALUE;
  private long lastLine;

  OhlcvCsvReader(DataFileConfig config, Timeframe timeframe, BadRows badRows) throws IOException {
    this.config = config;
    this.timeframe = timeframe;
    this.badRows = badRows;
    this.file = CsvFile.open(config.path());
    try {
      this.columns = CsvColumns.of(file, DataFormat.OHLCV);
    } catch (RuntimeException e) {
      file.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return config.path();
  }

  @Override
  public Timeframe timeframe() {
    return timeframe;
  }

  @Override
  public ReplayBar next() throws IOException {
    while (true) {
      List<String> row;
      try {
        row = file.nextRow();
      } catch (BadRowException e) {
        badRows.report(e);
        continue;
      }
      if (row == null) {
        return null;
      }
      try {
        return parse(row);
      } catch (BadRowException e) {
        badRows.report(e);
      } catch (IllegalArgumentException e) {
        badRows.report(new BadRowException(config.path(), file.lineNumber(), e.getMessage()));
      }
    }
  }

  private ReplayBar parse(List<String> row) {
    long line = file.lineNumber();
    if (row.size() < columns.fieldsNeeded) {
      throw new IllegalArgumentException("has " + row.size() + " fields, expected at least " + columns.fieldsNeeded
          + " (the header's columns)");
    }
    String timeText = columns.timeText(row);
    if (parser == null) {
      parser = TimestampParser.detect(timeText, config.zone(), columns.timePattern);
      resolveTimeframe(line);
    }
    long time = parser.parse(timeText);
    double open = RowNumbers.parse(row.get(columns.open), "open");
    double high = RowNumbers.parse(row.get(columns.high), "high");
    double low = RowNumbers.parse(row.get(columns.low), "low");
    double close = RowNumbers.parse(row.get(columns.close), "close");
    double volume = RowNumbers.parse(row.get(columns.volume), "volume");
    if (high < low) {
      throw new IllegalArgumentException("high " + high + " is below low " + low);
    }
    if (open < low || open > high) {
      throw new IllegalArgumentException("open " + open + " is outside [low " + low + ", high " + high + "]");
    }
    if (close < low || close > high) {
      throw new IllegalArgumentException("close " + close + " is outside [low " + low + ", high " + high + "]");
    }
    if (volume < 0) {
      throw new IllegalArgumentException("volume " + volume + " is negative");
    }
    if (lastTime != Long.MIN_VALUE) {
      if (time <= lastTime) {
        throw new IllegalArgumentException("time " + timeText.trim() + " (" + Instant.ofEpochSecond(0, time)
            + ") is not after the previous row's " + Instant.ofEpochSecond(0, lastTime) + " (line " + lastLine
            + "): times must increase within a file");
      }
      if (time - lastTime < minSpacing) {
        throw new IllegalArgumentException("time " + timeText.trim() + " is only " + RowNumbers.duration(time - lastTime)
            + " after the previous row's (line " + lastLine + "), less than the timeframe " + timeframeLabel
            + ": two bars in one period, or the wrong timeframe");
      }
    }
    lastTime = time;
    lastLine = line;
    return new ReplayBar(time, config.symbol(), new Bar(timeframeLabel, open, high, low, close, volume), List.of());
  }

  private void resolveTimeframe(long line) {
    if (timeframe == null) {
      if (!parser.isDateOnly()) {
        throw new BadRowException(config.path(), line, "the times have a time of day but no timeframe is configured;"
            + " set the bars' timeframe (timeframe or files[i].timeframe), e.g. 1min", true);
      }
      timeframe = new Timeframe(1, Timeframe.Unit.DAY);
    }
    timeframeLabel = timeframe.toString();
    long tf = timeframe.nanos();
    minSpacing = tf >= Timeframe.Unit.DAY.nanos() ? tf - HOUR : tf;
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
