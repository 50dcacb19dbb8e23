package dev.tierbus.event;

import java.util.Objects;

/**
 * A system notice (payload of {@link EventType#SYSTEM}, {@link EventType#ERROR} and
 * {@link EventType#RISK_ALERT}; the built-in risk and execution containers send the richer
 * {@link RiskAlert} on RISK_ALERT).
 *
 * @param code short machine-readable code, e.g. {@code max_position_pct}
 * @param message human-readable text
 */
public record Notice(String code, String message) implements Payload {
  public Notice {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
