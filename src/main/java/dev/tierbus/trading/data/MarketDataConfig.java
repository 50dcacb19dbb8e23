package dev.tierbus.trading.data;

import dev.tierbus.config.ParamReader;
import dev.tierbus.config.ValueText;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters of a {@code data} container with {@code source: csv}: a replay of market-data files.
 *
 * <pre>
 *   source           csv
 *   files            list, required    one entry per file: a path, or {path, symbol, format, timeframe,
 *                                      timezone, publish_ticks} (see {@link DataFileConfig})
 *   timeframe        e.g. 1D, 1min     the bars' timeframe for files that do not give their own
 *   speed            max | number > 0  max        max: as fast as possible; 60: market time 60× wall time
 *   bar_interval_ms  integer >= 1                 instead of speed: one bar time every N ms (demos)
 *   loop             boolean           false      start again when done, times shifted to keep increasing
 *   bad_rows         fail | skip       fail       see {@link BadRowPolicy}
 * </pre>
 * Checked here: every path can be read, symbols are distinct, formats, timeframes and zones
 * parse, explicit timeframes agree, and {@code speed} and {@code bar_interval_ms} are not
 * both given. What needs the files' contents (headers, rows) is checked when the container
 * starts.
 *
 * @param speed the market-time multiple, or 0 for {@code max} (ignored when {@code barIntervalMs > 0})
 * @param barIntervalMs milliseconds per bar time, or 0 when pacing by {@code speed}
 */
public record MarketDataConfig(
    List<DataFileConfig> files,
    Timeframe timeframe,
    double speed,
    long barIntervalMs,
    boolean loop,
    BadRowPolicy badRows) {

  public MarketDataConfig {
    files = List.copyOf(files);
  }

  /** True when {@code speed: max} and no {@code bar_interval_ms}. */
  public boolean asFastAsPossible() {
    return speed == 0 && barIntervalMs == 0;
  }

  /** Reads the parameters; problems go to {@code r}. */
  public static MarketDataConfig read(ParamReader r) {
    Timeframe timeframe = timeframe(r, "timeframe");
    List<DataFileConfig> files = new ArrayList<>();
    JsonArray entries = r.array("files");
    if (entries == null) {
      if (!r.has("files")) {
        r.problem("files", "is required, expected a list of files such as [{path: classpath:market-data/"
            + "goog_daily_2004-08-19_2008-10-14.csv, symbol: GOOG}]");
      }
    } else if (entries.isEmpty()) {
      r.problem("files", "must not be empty, expected at least one file");
    } else {
      Map<String, Integer> symbols = new HashMap<>();
      Timeframe explicit = timeframe;
      int explicitAt = -1;
      for (int i = 0; i < entries.size(); i++) {
        String key = "files[" + i + "]";
        Object entry = entries.getValue(i);
        JsonObject json;
        if (entry instanceof String s) {
          json = new JsonObject().put("path", s);
        } else if (entry instanceof JsonObject o) {
          json = o;
        } else {
          r.problem(key, "expected a path or an object with a path, was " + ValueText.literal(entry));
          continue;
        }
        ParamReader fr = r.child(key, json);
        DataFileConfig file = readFile(fr);
        if (file == null) {
          continue;
        }
        Integer before = symbols.putIfAbsent(file.symbol(), i);
        if (before != null) {
          fr.problem("symbol", "'" + file.symbol() + "' is also the symbol of files[" + before
              + "]; one file per symbol (give each file its own symbol)");
        }
        if (file.timeframe() != null) {
          if (explicit != null && !explicit.equals(file.timeframe())) {
            fr.problem("timeframe", file.timeframe() + " differs from " + explicit + " of "
                + (explicitAt < 0 ? "timeframe" : "files[" + explicitAt + "]")
                + "; one data container replays one timeframe (use one container per timeframe)");
          } else if (explicit == null) {
            explicit = file.timeframe();
            explicitAt = i;
          }
        }
        files.add(file);
      }
    }
    double speed = 0;
    Object s = r.value("speed");
    if (s instanceof String text) {
      if (!"max".equalsIgnoreCase(text.trim())) {
        r.problem("speed", "'" + text + "' is not a speed, expected max or a number > 0 (60: a minute of market per second)");
      }
    } else if (s != null) {
      speed = r.numberAbove("speed", 0.0, 0.0);
    }
    long barIntervalMs = r.integer("bar_interval_ms", 0, 1);
    if (r.has("speed") && r.has("bar_interval_ms")) {
      r.problem("bar_interval_ms", "given together with speed, expected one of them");
    }
    boolean loop = r.bool("loop", false);
    BadRowPolicy policy = BadRowPolicy.FAIL;
    String p = r.string("bad_rows", null);
    if (p != null) {
      try {
        policy = BadRowPolicy.fromName(p);
      } catch (IllegalArgumentException e) {
        r.problem("bad_rows", e.getMessage());
      }
    }
    return new MarketDataConfig(files, timeframe, speed, barIntervalMs, loop, policy);
  }

  private static DataFileConfig readFile(ParamReader fr) {
    String path = fr.requiredString("path");
    String symbol = fr.string("symbol", null);
    if (symbol != null && symbol.isBlank()) {
      fr.problem("symbol", "must not be blank");
      symbol = null;
    }
    DataFormat format = null;
    String f = fr.string("format", null);
    if (f != null) {
      try {
        format = DataFormat.fromName(f);
      } catch (IllegalArgumentException e) {
        fr.problem("format", e.getMessage());
      }
    }
    Timeframe timeframe = timeframe(fr, "timeframe");
    ZoneId zone = null;
    String z = fr.string("timezone", null);
    if (z != null) {
      try {
        zone = ZoneId.of(z);
      } catch (DateTimeException e) {
        fr.problem("timezone", "'" + z + "' is not a time zone, expected e.g. UTC or America/New_York");
      }
    }
    boolean ticks = fr.bool("publish_ticks", false);
    if (ticks && format == DataFormat.OHLCV) {
      fr.problem("publish_ticks", "only a trades file has ticks, this one is ohlcv");
    }
    if (path == null) {
      return null;
    }
    String problem = DataPaths.problem(path);
    if (problem != null) {
      fr.problem("path", problem);
      return null;
    }
    return new DataFileConfig(path, symbol, format, timeframe, zone, ticks);
  }

  private static Timeframe timeframe(ParamReader r, String key) {
    String text = r.string(key, null);
    if (text == null) {
      return null;
    }
    try {
      return Timeframe.parse(text);
    } catch (IllegalArgumentException e) {
      r.problem(key, e.getMessage());
      return null;
    }
  }
}
