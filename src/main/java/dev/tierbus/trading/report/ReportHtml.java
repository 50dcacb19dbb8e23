package dev.tierbus.trading.report;

import static dev.tierbus.trading.report.ReportFormat.date;
import static dev.tierbus.trading.report.ReportFormat.html;
import static dev.tierbus.trading.report.ReportFormat.human;
import static dev.tierbus.trading.report.ReportFormat.percent;
import static dev.tierbus.trading.report.ReportFormat.time;

import dev.tierbus.trading.analysis.AnalysisResult;
import dev.tierbus.trading.analysis.EquityPoint;
import dev.tierbus.trading.analysis.PerformanceMetrics;
import dev.tierbus.trading.analysis.RoundTrip;
import java.util.List;
import java.util.Locale;

/**
 * report.html: one self-contained page — the metrics, the equity curve and the drawdown as
 * inline SVG charts, and every trade. No script and nothing loaded from elsewhere, so it opens
 * from a file, offline, and prints.
 */
final class ReportHtml {

  private static final String CSS = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:2rem auto;\
      max-width:1000px;padding:0 1rem;color:#1f2933;background:#fff}
      h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d9e2ec;\
      padding-bottom:.3rem}
      .period{color:#52606d;margin-top:0}
      .metrics{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:.6rem;margin:1.2rem 0}
      .metric{border:1px solid #d9e2ec;border-radius:6px;padding:.6rem .8rem}
      .metric .name{font-size:.8rem;color:#52606d;text-transform:uppercase;letter-spacing:.04em}
      .metric .value{font-size:1.35rem;font-variant-numeric:tabular-nums;margin-top:.2rem}
      .chart{width:100%;height:auto;display:block}
      .chart .grid line{stroke:#e4e7eb;stroke-width:1}
      .chart text{font-size:12px;fill:#52606d}
      .chart .frame{fill:none;stroke:#9aa5b1;stroke-width:1}
      .chart.equity .series{stroke:#2563eb;stroke-width:1.6}
      .chart.drawdown .series{stroke:#b91c1c;stroke-width:1.2}
      .chart.drawdown .area{fill:#fca5a5;fill-opacity:.55;stroke:none}
      table.trades{border-collapse:collapse;width:100%;font-size:.85rem;font-variant-numeric:tabular-nums}
      table.trades th,table.trades td{padding:.3rem .5rem;border-bottom:1px solid #e4e7eb;text-align:right}
      table.trades th{background:#f5f7fa;position:sticky;top:0}
      table.trades td.text,table.trades th.text{text-align:left}
      .pos{color:#047857}.neg{color:#b91c1c}.open{font-style:italic;color:#52606d}
      footer{margin-top:2rem;font-size:.8rem;color:#52606d}
      """;

  private ReportHtml() {}

  static String write(AnalysisResult result, String title, double[] drawdowns) {
    PerformanceMetrics m = result.metrics();
    List<EquityPoint> curve = result.equity();
    StringBuilder out = new StringBuilder(16_384 + 200 * result.trades().size());
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(html(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
        .append("</head>\n<body>\n<h1>").append(html(title)).append("</h1>\n");
    out.append("<p class=\"period\">");
    if (curve.isEmpty()) {
      out.append("No equity points were recorded.");
    } else {
      out.append(date(m.startTimeNanos())).append(" to ").append(date(m.endTimeNanos())).append(" · ")
          .append(curve.size()).append(curve.size() == 1 ? " bar" : " bars").append(" · ")
          .append(m.tradeCount()).append(m.tradeCount() == 1 ? " closed trade" : " closed trades");
      if (m.openTradeCount() > 0) {
        out.append(" · ").append(m.openTradeCount()).append(" open");
      }
    }
    out.append("</p>\n");

    out.append("<section class=\"metrics\">\n");
    metric(out, "Total return", percent(m.totalReturn()));
    metric(out, "CAGR", percent(m.cagr()));
    metric(out, "Sharpe", human(m.sharpe(), 2));
    metric(out, "Sortino", human(m.sortino(), 2));
    metric(out, "Max drawdown", percent(m.maxDrawdown()));
    metric(out, "Trades", Integer.toString(m.tradeCount()));
    metric(out, "Win rate", percent(m.winRate()));
    metric(out, "Exposure", percent(m.exposure()));
    metric(out, "Start equity", human(m.startEquity(), 2));
    metric(out, "End equity", human(m.endEquity(), 2));
    out.append("</section>\n");

    long[] times = new long[curve.size()];
    double[] equity = new double[curve.size()];
    double[] underwater = new double[curve.size()];
    for (int i = 0; i < times.length; i++) {
      times[i] = curve.get(i).timeNanos();
      equity[i] = curve.get(i).equity();
      underwater[i] = -drawdowns[i];
    }
    out.append("<h2>Equity</h2>\n")
        .append(SvgChart.render("Equity curve", times, equity, SvgChart.Style.LINE, "equity", v -> human(v, 0)));
    out.append("<h2>Drawdown</h2>\n")
        .append(SvgChart.render("Drawdown from the running peak", times, underwater, SvgChart.Style.AREA_FROM_ZERO,
            "drawdown", v -> ReportFormat.fixed(v * 100, 1) + " %"));

    out.append("<h2>Trades</h2>\n");
    if (result.trades().isEmpty()) {
      out.append("<p>No trades.</p>\n");
    } else {
      out.append("<table class=\"trades\">\n<thead><tr><th class=\"text\">#</th><th class=\"text\">Symbol</th>")
          .append("<th class=\"text\">Side</th><th>Quantity</th><th class=\"text\">Entry</th><th>Entry price</th>")
          .append("<th class=\"text\">Exit</th><th>Exit price</th><th>P&amp;L</th><th>Return</th></tr></thead>\n")
          .append("<tbody>\n");
      int n = 0;
      for (RoundTrip t : result.trades()) {
        String sign = t.pnl() > 0 ? "pos" : t.pnl() < 0 ? "neg" : "";
        out.append("<tr").append(t.open() ? " class=\"open\"" : "").append("><td class=\"text\">").append(++n)
            .append("</td><td class=\"text\">").append(html(t.symbol()))
            .append("</td><td class=\"text\">").append(t.direction().name().toLowerCase(Locale.ROOT))
            .append("</td><td>").append(human(t.quantity(), 4))
            .append("</td><td class=\"text\">").append(when(t.entryTimeNanos()))
            .append("</td><td>").append(human(t.entryPrice(), 4))
            .append("</td><td class=\"text\">").append(t.open() ? "open" : when(t.exitTimeNanos()))
            .append("</td><td>").append(t.open() ? "marked " + human(t.markPrice(), 4) : human(t.exitPrice(), 4))
            .append("</td><td class=\"").append(sign).append("\">").append(human(t.pnl(), 2))
            .append("</td><td class=\"").append(sign).append("\">").append(percent(t.returnFraction()))
            .append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }
    out.append("<footer>Returns are fractions of the first equity point. CAGR uses the calendar time from the first ")
        .append("to the last point (365.25-day years). Sharpe and Sortino are annualized with √252 from daily ")
        .append("returns (the last equity of each UTC day), risk-free rate 0; Sharpe divides by the sample standard ")
        .append("deviation, Sortino by the downside deviation √(Σ min(r, 0)² / n). Max drawdown is measured on every ")
        .append("point of the mark-to-market curve. Trades are matched first in, first out; their P&amp;L includes ")
        .append("commissions; open trades are marked at the last close. Times are UTC bar times.</footer>\n")
        .append("</body>\n</html>\n");
    return out.toString();
  }

  private static void metric(StringBuilder out, String name, String value) {
    out.append("<div class=\"metric\"><div class=\"name\">").append(html(name)).append("</div><div class=\"value\">")
        .append(html(value)).append("</div></div>\n");
  }

  private static String when(long nanos) {
    String t = time(nanos);
    return t.endsWith("T00:00:00Z") ? t.substring(0, 10) : t.replace('T', ' ');
  }
}
