package dev.tierbus.trading.report;

import static dev.tierbus.trading.report.ReportFormat.jsonString;
import static dev.tierbus.trading.report.ReportFormat.number;
import static dev.tierbus.trading.report.ReportFormat.time;

import dev.tierbus.trading.analysis.AnalysisResult;
import dev.tierbus.trading.analysis.EquityPoint;
import dev.tierbus.trading.analysis.PerformanceMetrics;
import dev.tierbus.trading.analysis.RoundTrip;
import java.util.Locale;

/**
 * report.json: the metrics, the trades and the equity curve, keys in a fixed order.
 *
 * <pre>
 * {
 *   "metrics": {"total_return", "cagr", "sharpe", "sortino", "max_drawdown", "trade_count", "win_rate",
 *               "exposure", "open_trade_count", "start_equity", "end_equity", "start_time", "end_time"},
 *   "trades": [{"symbol", "side": "long"|"short", "quantity", "entry_time", "entry_price",
 *               "exit_time", "exit_price", "pnl", "return", "open"}, ...],
 *   "equity": [{"time", "equity"}, ...]
 * }
 * </pre>
 * Ratios are fractions; undefined values are null; an open trade has null exit fields, its pnl and
 * return marked at the last close, and {@code "open": true}. Numbers and times: {@link ReportFormat}.
 * One trade or point per line, so a diff of two reports reads well.
 */
final class ReportJson {

  private ReportJson() {}

  static String write(AnalysisResult result) {
    StringBuilder out = new StringBuilder(256 + 80 * result.equity().size() + 220 * result.trades().size());
    PerformanceMetrics m = result.metrics();
    boolean hasPoints = !result.equity().isEmpty();
    out.append("{\n  \"metrics\": {\n");
    field(out, "total_return", number(m.totalReturn()), false);
    field(out, "cagr", number(m.cagr()), false);
    field(out, "sharpe", number(m.sharpe()), false);
    field(out, "sortino", number(m.sortino()), false);
    field(out, "max_drawdown", number(m.maxDrawdown()), false);
    field(out, "trade_count", Integer.toString(m.tradeCount()), false);
    field(out, "win_rate", number(m.winRate()), false);
    field(out, "exposure", number(m.exposure()), false);
    field(out, "open_trade_count", Integer.toString(m.openTradeCount()), false);
    field(out, "start_equity", number(m.startEquity()), false);
    field(out, "end_equity", number(m.endEquity()), false);
    field(out, "start_time", hasPoints ? jsonString(time(m.startTimeNanos())) : null, false);
    field(out, "end_time", hasPoints ? jsonString(time(m.endTimeNanos())) : null, true);
    out.append("  },\n  \"trades\": [");
    int i = 0;
    for (RoundTrip t : result.trades()) {
      out.append(i++ == 0 ? "\n" : ",\n").append("    {\"symbol\": ").append(jsonString(t.symbol()))
          .append(", \"side\": ").append(jsonString(t.direction().name().toLowerCase(Locale.ROOT)))
          .append(", \"quantity\": ").append(orNull(number(t.quantity())))
          .append(", \"entry_time\": ").append(jsonString(time(t.entryTimeNanos())))
          .append(", \"entry_price\": ").append(orNull(number(t.entryPrice())))
          .append(", \"exit_time\": ").append(t.open() ? "null" : jsonString(time(t.exitTimeNanos())))
          .append(", \"exit_price\": ").append(t.open() ? "null" : orNull(number(t.exitPrice())))
          .append(", \"pnl\": ").append(orNull(number(t.pnl())))
          .append(", \"return\": ").append(orNull(number(t.returnFraction())))
          .append(", \"open\": ").append(t.open())
          .append('}');
    }
    out.append(i == 0 ? "],\n" : "\n  ],\n").append("  \"equity\": [");
    i = 0;
    for (EquityPoint p : result.equity()) {
      out.append(i++ == 0 ? "\n" : ",\n").append("    {\"time\": ").append(jsonString(time(p.timeNanos())))
          .append(", \"equity\": ").append(orNull(number(p.equity()))).append('}');
    }
    out.append(i == 0 ? "]\n" : "\n  ]\n").append("}\n");
    return out.toString();
  }

  private static void field(StringBuilder out, String key, String value, boolean last) {
    out.append("    ").append(jsonString(key)).append(": ").append(orNull(value)).append(last ? "\n" : ",\n");
  }

  private static String orNull(String s) {
    return s == null ? "null" : s;
  }
}
