package dev.tierbus.trading.data;

import dev.tierbus.event.Bar;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bars of a trades file: its trades (time, price, amount) aggregated into bars of one
 * timeframe, streaming (one bar, and its ticks when they are published, in memory).
 *
 * <pre>
 *   period  = [start, start + timeframe), start = floor(t / timeframe) · timeframe   (UTC epoch;
 *             weeks start on Monday 00:00 UTC)
 *   open    = price of the period's first trade     close  = price of its last
 *   high    = highest price                         low    = lowest price
 *   volume  = sum of the amounts
 * </pre>
 * A period without trades has no bar (nothing is invented). A trade row is bad when a field
 * is missing or not a number, the price is not positive, the amount is negative, or its time
 * is before the previous good trade's (equal times are normal: several trades per second).
 */
final class TradeBarAggregator implements BarSource {

  /** 1970-01-05, the first Monday after the epoch: weeks are aligned to it. */
  private static final long MONDAY_OFFSET = 4 * Timeframe.Unit.DAY.nanos();

  private final DataFileConfig config;
  private final Timeframe timeframe;
  private final String timeframeLabel;
  private final long step;
  private final long offset;
  private final CsvFile file;
  private final CsvColumns columns;
  private final BadRows badRows;
  private TimestampParser parser;
  private long lastTime = Long.MIN_VALUE;
  private long lastLine;
  private boolean exhausted;

  // the bar being built
  private long start = Long.MIN_VALUE;
  private double open;
  private double high;
  private double low;
  private double close;
  private double volume;
  private List<ReplayTick> ticks = new ArrayList<>();

  TradeBarAggregator(DataFileConfig config, Timeframe timeframe, BadRows badRows) throws IOException {
    this.config = config;
    this.timeframe = timeframe;
    this.timeframeLabel = timeframe.toString();
    this.step = timeframe.nanos();
    this.offset = timeframe.unit() == Timeframe.Unit.WEEK ? MONDAY_OFFSET : 0;
    this.badRows = badRows;
    this.file = CsvFile.open(config.path());
    try {
      this.columns = CsvColumns.of(file, DataFormat.TRADES);
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
    while (!exhausted) {
      List<String> row;
      try {
        row = file.nextRow();
      } catch (BadRowException e) {
        badRows.report(e);
        continue;
      }
      if (row == null) {
        exhausted = true;
        return start == Long.MIN_VALUE ? null : finishBar();
      }
      ReplayBar done;
      try {
        done = add(row);
      } catch (BadRowException e) {
        badRows.report(e);
        continue;
      } catch (IllegalArgumentException e) {
        badRows.report(new BadRowException(config.path(), file.lineNumber(), e.getMessage()));
        continue;
      }
      if (done != null) {
        return done;
      }
    }
    return null;
  }

  /** Adds one trade; returns the previous bar when this trade starts a new period. */
  private ReplayBar add(List<String> row) {
    long line = file.lineNumber();
    if (row.size() < columns.fieldsNeeded) {
      throw new IllegalArgumentException("has " + row.size() + " fields, expected at least " + columns.fieldsNeeded
          + " (the header's columns)");
    }
    String timeText = columns.timeText(row);
    if (parser == null) {
      parser = TimestampParser.detect(timeText, config.zone(), columns.timePattern);
    }
    long time = parser.parse(timeText);
    double price = RowNumbers.parse(row.get(columns.price), "price");
    double amount = RowNumbers.parse(row.get(columns.volume), "amount");
    if (!(price > 0)) {
      throw new IllegalArgumentException("price " + price + " is not positive");
    }
    if (amount < 0) {
      throw new IllegalArgumentException("amount " + amount + " is negative");
    }
    if (time < lastTime) {
      throw new IllegalArgumentException("time " + timeText.trim() + " (" + Instant.ofEpochSecond(0, time)
          + ") is before the previous trade's " + Instant.ofEpochSecond(0, lastTime) + " (line " + lastLine
          + "): times must not go backwards within a file");
    }
    lastTime = time;
    lastLine = line;
    long period = Math.floorDiv(time - offset, step) * step + offset;
    ReplayBar finished = null;
    if (period != start) {
      if (start != Long.MIN_VALUE) {
        finished = finishBar();
      }
      start = period;
      open = price;
      high = price;
      low = price;
      volume = 0;
    }
    high = Math.max(high, price);
    low = Math.min(low, price);
    close = price;
    volume += amount;
    if (config.publishTicks()) {
      ticks.add(new ReplayTick(time, price, amount));
    }
    return finished;
  }

  private ReplayBar finishBar() {
    List<ReplayTick> barTicks = ticks.isEmpty() ? List.of() : List.copyOf(ticks);
    ticks = new ArrayList<>();
    ReplayBar bar = new ReplayBar(start, config.symbol(), new Bar(timeframeLabel, open, high, low, close, volume), barTicks);
    start = Long.MIN_VALUE;
    return bar;
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
