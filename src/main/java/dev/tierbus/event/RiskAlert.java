package dev.tierbus.event;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A risk rule acted: an order was reduced or refused, a stop was hit, trading was halted
 * (payload of {@link EventType#RISK_ALERT}).
 *
 * @param code the rule, e.g. {@code max_position_pct}, {@code stop_loss_pct},
 *     {@code emergency_stop_loss}, {@code order_rejected}
 * @param message why, with the numbers, e.g. {@code "position 12000.00 would be 12.0% of equity
 *     100000.00, above max_position_pct 10.0%: reduced 120 -> 100"}
 * @param details machine-readable values (e.g. {@code order_id}, {@code limit_pct}), sorted by key
 *     so that two equal alerts print and encode alike
 */
public record RiskAlert(String code, String message, Map<String, String> details) implements Payload {

  /** Detail key naming the order an alert is about. */
  public static final String ORDER_ID = "order_id";

  public RiskAlert {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    details = details == null || details.isEmpty()
        ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(details));
  }

  /** An alert without details. */
  public RiskAlert(String code, String message) {
    this(code, message, Map.of());
  }

  /** The detail under {@code key}, or null. */
  public String detail(String key) {
    return details.get(key);
  }
}
