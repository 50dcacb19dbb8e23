package dev.tierbus.trading.risk;

import static dev.tierbus.trading.risk.PositionSizer.money;
import static dev.tierbus.trading.risk.PositionSizer.pct;
import static dev.tierbus.trading.risk.PositionSizer.price;
import static dev.tierbus.trading.risk.PositionSizer.qty;

import dev.tierbus.event.Direction;
import dev.tierbus.event.RiskAlert;
import java.util.LinkedHashMap;
import java.util.Map;

/** The alerts of the stop rules, with their numbers in the message and the details. */
final class RiskAlerts {

  static final String STOP_LOSS = "stop_loss_pct";
  static final String EMERGENCY = "emergency_stop_loss";

  private RiskAlerts() {}

  /** The text of a stop: {@code close 47.5000 <= stop 47.5000 (5.00% below average cost 50.0000)}. */
  static String stopReason(boolean isLong, double close, double stop, double stopLossPct, double averageCost) {
    return "close " + price(close) + (isLong ? " <= " : " >= ") + "stop " + price(stop) + " (" + pct(stopLossPct)
        + (isLong ? " below" : " above") + " average cost " + price(averageCost) + ")";
  }

  static RiskAlert stopLoss(String symbol, String reason, double close, double stop, double averageCost,
      double stopLossPct, double quantity, String orderId) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("close", price(close));
    details.put("stop", price(stop));
    details.put("average_cost", price(averageCost));
    details.put("limit_pct", number(stopLossPct));
    details.put("quantity", qty(quantity));
    details.put(RiskAlert.ORDER_ID, orderId);
    return new RiskAlert(STOP_LOSS, symbol + " stop-loss: " + reason + ": exiting " + qty(quantity), details);
  }

  static RiskAlert emergency(double peak, double equity, double drawdown, double limit) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("peak_equity", money(peak));
    details.put("equity", money(equity));
    details.put("drawdown_pct", number(drawdown * 100));
    details.put("limit_pct", number(limit * 100));
    return new RiskAlert(EMERGENCY, "drawdown " + pct(drawdown * 100) + " from peak equity " + money(peak) + " to "
        + money(equity) + " exceeds emergency_stop_loss " + pct(limit * 100)
        + ": closing every position and refusing new entries", details);
  }

  static RiskAlert halted(String symbol, Direction direction, double limit) {
    return new RiskAlert(EMERGENCY, direction + " " + symbol + " refused: trading is halted by emergency_stop_loss "
        + pct(limit * 100), Map.of("symbol", symbol));
  }

  static RiskAlert noEquity(String symbol, Direction direction, double equity) {
    return new RiskAlert(PositionSizer.SIZING, direction + " " + symbol + " refused: equity is " + money(equity),
        Map.of("symbol", symbol, "equity", money(equity)));
  }

  private static String number(double percent) {
    return pct(percent).replace("%", "");
  }
}
