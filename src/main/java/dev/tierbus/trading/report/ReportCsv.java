package dev.tierbus.trading.report;

import static dev.tierbus.trading.report.ReportFormat.csv;
import static dev.tierbus.trading.report.ReportFormat.number;
import static dev.tierbus.trading.report.ReportFormat.time;

import dev.tierbus.trading.analysis.AnalysisResult;
import dev.tierbus.trading.analysis.EquityPoint;
import dev.tierbus.trading.analysis.RoundTrip;
import java.util.Locale;

/**
 * trades.csv and equity.csv: RFC 4180 with a header row and LF line ends; numbers and times as
 * {@link ReportFormat} writes them; an open trade has empty exit fields and {@code open=true}.
 *
 * <pre>
 *   trades.csv  symbol,side,quantity,entry_time,entry_price,exit_time,exit_price,pnl,return,open
 *   equity.csv  time,equity,drawdown
 * </pre>
 */
final class ReportCsv {

  static final String TRADES_HEADER = "symbol,side,quantity,entry_time,entry_price,exit_time,exit_price,pnl,return,open";
  static final String EQUITY_HEADER = "time,equity,drawdown";

  private ReportCsv() {}

  static String trades(AnalysisResult result) {
    StringBuilder out = new StringBuilder(TRADES_HEADER.length() + 1 + 160 * result.trades().size());
    out.append(TRADES_HEADER).append('\n');
    for (RoundTrip t : result.trades()) {
      out.append(csv(t.symbol())).append(',')
          .append(t.direction().name().toLowerCase(Locale.ROOT)).append(',')
          .append(csv(number(t.quantity()))).append(',')
          .append(time(t.entryTimeNanos())).append(',')
          .append(csv(number(t.entryPrice()))).append(',')
          .append(t.open() ? "" : time(t.exitTimeNanos())).append(',')
          .append(t.open() ? "" : csv(number(t.exitPrice()))).append(',')
          .append(csv(number(t.pnl()))).append(',')
          .append(csv(number(t.returnFraction()))).append(',')
          .append(t.open()).append('\n');
    }
    return out.toString();
  }

  static String equity(AnalysisResult result, double[] drawdowns) {
    StringBuilder out = new StringBuilder(EQUITY_HEADER.length() + 1 + 60 * result.equity().size());
    out.append(EQUITY_HEADER).append('\n');
    int i = 0;
    for (EquityPoint p : result.equity()) {
      out.append(time(p.timeNanos())).append(',').append(csv(number(p.equity()))).append(',')
          .append(csv(number(drawdowns[i++]))).append('\n');
    }
    return out.toString();
  }
}
