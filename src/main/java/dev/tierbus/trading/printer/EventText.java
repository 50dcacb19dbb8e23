package dev.tierbus.trading.printer;

import dev.tierbus.event.AnalysisReport;
import dev.tierbus.event.Bar;
import dev.tierbus.event.BarOpen;
import dev.tierbus.event.Event;
import dev.tierbus.event.EventJson;
import dev.tierbus.event.Fill;
import dev.tierbus.event.IndicatorValue;
import dev.tierbus.event.Order;
import dev.tierbus.event.Payload;
import dev.tierbus.event.PortfolioUpdate;
import dev.tierbus.event.RiskAlert;
import dev.tierbus.event.Signal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line of text for a person reading the console: {@code type source symbol time what}.
 *
 * <p>The common trading payloads read as a trader writes them
 * ({@code BUY 120 @ 101.25 commission 6.08 (order risk-mf3k2a1-7)},
 * {@code LONG strength 0.60 momentum: SMA(5) crossed above SMA(20)}); any other payload as
 * its JSON form. Numbers are rounded for reading (prices to 4 decimals, money to 2,
 * quantities without trailing zeros); a value that is not defined (NaN) is left out, never
 * printed as {@code NaN}.
 */
public final class EventText {

  private EventText() {}

  public static String format(Event event) {
    return event.type() + " " + event.source() + " " + (event.symbol() == null ? "-" : event.symbol())
        + " " + event.time() + " " + payload(event);
  }

  static String payload(Event event) {
    Payload p = event.payload();
    if (p == null) {
      return "-";
    }
    if (p instanceof Bar b) {
      return "O " + price(b.open()) + " H " + price(b.high()) + " L " + price(b.low()) + " C " + price(b.close())
          + " V " + quantity(b.volume()) + timeframe(b.timeframe());
    }
    if (p instanceof BarOpen o) {
      return "O " + price(o.open()) + timeframe(o.timeframe());
    }
    if (p instanceof Signal s) {
      return s.direction() + " strength " + fixed(s.strength(), 2)
          + (s.strategy() == null ? "" : " " + s.strategy()) + (s.reason() == null ? "" : ": " + s.reason());
    }
    if (p instanceof Order o) {
      String size = o.isNotional() ? "for " + fixed(o.notional(), 2) + " (about " + quantity(o.quantity()) + ")"
          : quantity(o.quantity());
      return o.side() + " " + size + " @ " + (o.isMarket() ? "market" : "limit " + price(o.limitPrice()))
          + " (order " + o.orderId() + ")" + (o.reason() == null ? "" : ": " + o.reason());
    }
    if (p instanceof Fill f) {
      return f.side() + " " + quantity(f.quantity()) + " @ " + price(f.price()) + " commission "
          + fixed(f.commission(), 2) + " (order " + f.orderId() + ")";
    }
    if (p instanceof RiskAlert a) {
      return a.code() + ": " + a.message();
    }
    if (p instanceof PortfolioUpdate u) {
      StringBuilder sb = new StringBuilder("equity ").append(fixed(u.equity(), 2))
          .append(" cash ").append(fixed(u.cash(), 2))
          .append(" realized ").append(fixed(u.realizedPnl(), 2))
          .append(" unrealized ").append(fixed(u.unrealizedPnl(), 2));
      if (!u.positions().isEmpty()) {
        sb.append(" positions");
        new TreeMap<>(u.positions()).forEach((s, q) -> sb.append(' ').append(s).append(' ').append(quantity(q)));
      }
      return sb.toString();
    }
    if (p instanceof IndicatorValue v) {
      StringBuilder sb = new StringBuilder(v.name());
      if (!v.params().isEmpty()) {
        sb.append('(');
        boolean first = true;
        for (Map.Entry<String, Double> e : new TreeMap<>(v.params()).entrySet()) {
          sb.append(first ? "" : ", ").append(e.getKey()).append(' ').append(quantity(e.getValue()));
          first = false;
        }
        sb.append(')');
      }
      new TreeMap<>(v.values()).forEach((k, x) -> {
        if (!Double.isNaN(x)) {
          sb.append(' ').append(k).append(' ').append(price(x));
        }
      });
      return sb.append(timeframe(v.timeframe())).toString();
    }
    if (p instanceof AnalysisReport r) {
      StringBuilder sb = new StringBuilder(r.finalReport() ? "final: " : "")
          .append("equity ").append(fixed(r.endEquity(), 2))
          .append(" return ").append(percent(r.totalReturn()));
      optional(sb, " CAGR ", percent(r.cagr()));
      optional(sb, " Sharpe ", fixed(r.sharpe(), 2));
      optional(sb, " Sortino ", fixed(r.sortino(), 2));
      optional(sb, " max drawdown ", percent(r.maxDrawdown()));
      sb.append(" trades ").append(r.tradeCount());
      if (r.openTrades() > 0) {
        sb.append(" (+").append(r.openTrades()).append(" open)");
      }
      optional(sb, " win rate ", percent(r.winRate()));
      optional(sb, " exposure ", percent(r.exposure()));
      return sb.toString();
    }
    Object json = EventJson.toJson(event).getValue("payload");
    return json instanceof JsonObject o ? withoutNulls(o).encode() : String.valueOf(json);
  }

  private static void optional(StringBuilder sb, String label, String value) {
    if (!value.isEmpty()) {
      sb.append(label).append(value);
    }
  }

  private static String timeframe(String tf) {
    return tf == null ? "" : " [" + tf + "]";
  }

  /** A price: at most 4 decimals, no trailing zeros beyond 2. */
  static String price(double v) {
    if (!Double.isFinite(v)) {
      return "";
    }
    BigDecimal d = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    return (d.scale() < 2 ? d.setScale(2, RoundingMode.UNNECESSARY) : d).toPlainString();
  }

  /** A quantity: at most 6 decimals, without trailing zeros. */
  static String quantity(double v) {
    if (!Double.isFinite(v)) {
      return "";
    }
    BigDecimal d = BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
    return (d.scale() < 0 ? d.setScale(0, RoundingMode.UNNECESSARY) : d).toPlainString();
  }

  static String fixed(double v, int decimals) {
    return Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString() : "";
  }

  static String percent(double fraction) {
    return Double.isFinite(fraction) ? fixed(fraction * 100, 2) + " %" : "";
  }

  private static JsonObject withoutNulls(JsonObject o) {
    JsonObject out = new JsonObject();
    o.forEach(e -> {
      if (e.getValue() instanceof JsonObject nested) {
        out.put(e.getKey(), withoutNulls(nested));
      } else if (e.getValue() instanceof JsonArray || e.getValue() != null) {
        out.put(e.getKey(), e.getValue());
      }
    });
    return out;
  }
}
