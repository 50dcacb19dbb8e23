package dev.tierbus.api.impl;

import dev.tierbus.event.Bar;
import dev.tierbus.event.BarOpen;
import dev.tierbus.event.BookUpdate;
import dev.tierbus.event.Fill;
import dev.tierbus.event.IndicatorValue;
import dev.tierbus.event.Payload;
import dev.tierbus.event.PortfolioUpdate;
import dev.tierbus.event.Quote;
import dev.tierbus.event.RegimeChange;
import dev.tierbus.event.Tick;
import dev.tierbus.event.Trade;
import io.vertx.core.json.JsonArray;
import java.util.Map;

/**
 * What a payload posted to {@code POST /api/events} must mean, beyond its shape: the rules its
 * record's constructor does not hold because internal users (codecs, tests of odd values) build
 * such records too. Every violation is a detail with the field's path ({@code payload.high}).
 *
 * <ul>
 *   <li>BAR: open, high, low, close finite and &gt; 0, volume finite and &ge; 0,
 *       high &ge; max(open, close), low &le; min(open, close), a timeframe; BAR_OPEN: open finite
 *       and &gt; 0, a timeframe.</li>
 *   <li>TICK, TRADE: price finite and &gt; 0, size finite and &ge; 0; QUOTE: bid and ask prices
 *       finite and &gt; 0, sizes finite and &ge; 0, bid &le; ask; BOOK_UPDATE: price finite and
 *       &gt; 0, size finite and &ge; 0 (0 removes the level), level &ge; 0.</li>
 *   <li>FILL: quantity and price finite and &gt; 0, commission finite. (ORDER's quantity, limit
 *       price and notional, and SIGNAL's strength in [-1, 1], are their constructors' rules.)</li>
 *   <li>PORTFOLIO_UPDATE: cash, equity, P&amp;L and positions finite; INDICATOR: params and values
 *       finite; REGIME_CHANGE: a regime, confidence in [0, 1].</li>
 * </ul>
 *
 * A number sent as {@code null} reads as NaN, so "finite" also means "given".
 */
final class PayloadRules {

  private PayloadRules() {}

  /** Adds a detail to {@code problems} for every rule {@code payload} breaks. */
  static void check(Payload payload, JsonArray problems) {
    Rules r = new Rules(problems);
    if (payload instanceof Bar b) {
      r.positive("open", b.open()).positive("high", b.high()).positive("low", b.low()).positive("close", b.close())
          .notNegative("volume", b.volume()).text("timeframe", b.timeframe());
      if (allFinite(b.open(), b.high(), b.low(), b.close())) {
        if (b.high() < Math.max(b.open(), b.close())) {
          r.add("high", "high " + b.high() + " is below " + (b.open() > b.close() ? "open " + b.open() : "close "
              + b.close()) + ": it must be the highest price of the bar");
        }
        if (b.low() > Math.min(b.open(), b.close())) {
          r.add("low", "low " + b.low() + " is above " + (b.open() < b.close() ? "open " + b.open() : "close "
              + b.close()) + ": it must be the lowest price of the bar");
        }
      }
    } else if (payload instanceof BarOpen o) {
      r.positive("open", o.open()).text("timeframe", o.timeframe());
    } else if (payload instanceof Tick t) {
      r.positive("price", t.price()).notNegative("size", t.size());
    } else if (payload instanceof Trade t) {
      r.positive("price", t.price()).notNegative("size", t.size());
    } else if (payload instanceof Quote q) {
      r.positive("bid_price", q.bidPrice()).notNegative("bid_size", q.bidSize())
          .positive("ask_price", q.askPrice()).notNegative("ask_size", q.askSize());
      if (allFinite(q.bidPrice(), q.askPrice()) && q.bidPrice() > q.askPrice()) {
        r.add("ask_price", "ask " + q.askPrice() + " is below bid " + q.bidPrice() + ": a quote's bid is at most its ask");
      }
    } else if (payload instanceof BookUpdate u) {
      r.positive("price", u.price()).notNegative("size", u.size());
      if (u.level() < 0) {
        r.add("level", "must be >= 0, was " + u.level());
      }
    } else if (payload instanceof Fill f) {
      r.positive("quantity", f.quantity()).positive("price", f.price()).finite("commission", f.commission());
    } else if (payload instanceof PortfolioUpdate p) {
      r.finite("cash", p.cash()).finite("equity", p.equity()).finite("realized_pnl", p.realizedPnl())
          .finite("unrealized_pnl", p.unrealizedPnl()).finite("positions", p.positions());
    } else if (payload instanceof IndicatorValue v) {
      r.finite("params", v.params()).finite("values", v.values());
    } else if (payload instanceof RegimeChange c) {
      r.text("regime", c.regime());
      if (!(c.confidence() >= 0 && c.confidence() <= 1)) {
        r.add("confidence", "must be in [0, 1], was " + show(c.confidence()));
      }
    }
  }

  private static boolean allFinite(double... values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  private static String show(double v) {
    return Double.isNaN(v) ? "null" : Double.toString(v);
  }

  /** Collects violations under {@code payload.}. */
  private record Rules(JsonArray problems) {

    Rules add(String field, String message) {
      problems.add(ApiException.detail("payload." + field, message));
      return this;
    }

    Rules positive(String field, double v) {
      return v > 0 && Double.isFinite(v) ? this : add(field, "must be a finite number > 0, was " + show(v));
    }

    Rules notNegative(String field, double v) {
      return v >= 0 && Double.isFinite(v) ? this : add(field, "must be a finite number >= 0, was " + show(v));
    }

    Rules finite(String field, double v) {
      return Double.isFinite(v) ? this : add(field, "must be a finite number, was " + show(v));
    }

    Rules finite(String field, Map<String, Double> values) {
      values.forEach((k, v) -> {
        if (v == null || !Double.isFinite(v)) {
          add(field + "." + k, "must be a finite number, was " + (v == null ? "null" : show(v)));
        }
      });
      return this;
    }

    Rules text(String field, String v) {
      return v != null ? this : add(field, "required, expected a string");
    }
  }
}
