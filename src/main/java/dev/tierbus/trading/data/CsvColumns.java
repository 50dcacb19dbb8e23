package dev.tierbus.trading.data;

import java.util.List;

/**
 * Which column of a file holds what, found by header name (any case, any order; other
 * columns such as {@code adj_close} are ignored).
 *
 * <ul>
 *   <li>time: {@code timestamp} or {@code datetime}; else {@code date} and {@code time}
 *       together (joined as a date-time); else {@code date} or {@code time} alone; or a
 *       header that is a strftime pattern such as {@code "%Y-%m-%d"} (the date column of
 *       files written by R's timeSeries).</li>
 *   <li>{@link DataFormat#OHLCV}: {@code open}, {@code high}, {@code low}, {@code close},
 *       {@code volume}.</li>
 *   <li>{@link DataFormat#TRADES}: {@code price}, and {@code amount}, {@code size},
 *       {@code quantity}, {@code qty} or {@code volume}.</li>
 * </ul>
 * Without a configured format, a header with open/high/low/close is OHLCV and one with price
 * is trades.
 */
final class CsvColumns {

  final DataFormat format;
  final int time;
  /** The separate time-of-day column joined to {@link #time}, or -1. */
  final int timeOfDay;
  /** The strftime pattern the time column's header declares, or null. */
  final String timePattern;
  final int open;
  final int high;
  final int low;
  final int close;
  /** Volume (OHLCV) or amount (trades). */
  final int volume;
  final int price;
  /** The number of fields a row needs to have every column above. */
  final int fieldsNeeded;

  private CsvColumns(DataFormat format, int time, int timeOfDay, String timePattern, int open, int high, int low,
      int close, int volume, int price) {
    this.format = format;
    this.time = time;
    this.timeOfDay = timeOfDay;
    this.timePattern = timePattern;
    this.open = open;
    this.high = high;
    this.low = low;
    this.close = close;
    this.volume = volume;
    this.price = price;
    int max = Math.max(Math.max(time, timeOfDay), Math.max(Math.max(open, high), Math.max(Math.max(low, close),
        Math.max(volume, price))));
    this.fieldsNeeded = max + 1;
  }

  /**
   * The columns of {@code file} for {@code format} (null: detect it).
   *
   * @throws BadRowException at line 1 naming what the header lacks
   */
  static CsvColumns of(CsvFile file, DataFormat format) {
    List<String> h = file.header();
    List<String> raw = file.rawHeader();
    long line = file.lineNumber();
    int pattern = -1;
    for (int i = 0; i < h.size(); i++) {
      if (h.get(i).startsWith("%")) {
        pattern = i;
      }
    }
    int time;
    int timeOfDay = -1;
    String timePattern = null;
    int stamp = first(h, "timestamp", "datetime", "date_time");
    int date = h.indexOf("date");
    int tod = h.indexOf("time");
    if (stamp >= 0) {
      time = stamp;
    } else if (date >= 0 && tod >= 0) {
      time = date;
      timeOfDay = tod;
    } else if (date >= 0 || tod >= 0) {
      time = Math.max(date, tod);
    } else if (pattern >= 0) {
      time = pattern;
      timePattern = raw.get(pattern).trim();
    } else {
      throw new BadRowException(file.name(), line, "the header " + raw
          + " has no time column, expected one named timestamp, datetime, date (and time), or a pattern like %Y-%m-%d", true);
    }
    int open = h.indexOf("open");
    int high = h.indexOf("high");
    int low = h.indexOf("low");
    int close = h.indexOf("close");
    int price = h.indexOf("price");
    DataFormat f = format;
    if (f == null) {
      if (open >= 0 && high >= 0 && low >= 0 && close >= 0) {
        f = DataFormat.OHLCV;
      } else if (price >= 0) {
        f = DataFormat.TRADES;
      } else {
        throw new BadRowException(file.name(), line, "the header " + raw
            + " has neither open, high, low, close (ohlcv) nor price (trades) columns", true);
      }
    }
    if (f == DataFormat.OHLCV) {
      int volume = h.indexOf("volume");
      StringBuilder missing = new StringBuilder();
      for (String[] c : new String[][] {{"open", "" + open}, {"high", "" + high}, {"low", "" + low},
          {"close", "" + close}, {"volume", "" + volume}}) {
        if (Integer.parseInt(c[1]) < 0) {
          missing.append(missing.length() == 0 ? "" : ", ").append(c[0]);
        }
      }
      if (missing.length() > 0) {
        throw new BadRowException(file.name(), line, "the header " + raw + " of an ohlcv file has no " + missing
            + " column, expected open, high, low, close and volume", true);
      }
      return new CsvColumns(f, time, timeOfDay, timePattern, open, high, low, close, volume, -1);
    }
    int amount = first(h, "amount", "size", "quantity", "qty", "volume");
    if (price < 0 || amount < 0) {
      throw new BadRowException(file.name(), line, "the header " + raw + " of a trades file has no "
          + (price < 0 ? "price" : "amount") + " column, expected price and amount (or size, quantity, volume)", true);
    }
    return new CsvColumns(f, time, timeOfDay, timePattern, -1, -1, -1, -1, amount, price);
  }

  private static int first(List<String> header, String... names) {
    for (String n : names) {
      int i = header.indexOf(n);
      if (i >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** The time text of a row: the time column, joined with the time-of-day column when there is one. */
  String timeText(List<String> row) {
    return timeOfDay < 0 ? row.get(time) : row.get(time) + "T" + row.get(timeOfDay);
  }
}
