/**
 * Risk management: signals in, orders out, under a risk profile.
 *
 * <pre>
 *   SIGNAL ──► RiskContainer ──► RiskManager ── sizing, limits (PositionSizer) ──► ORDER
 *   BAR  ────►      │               ├─ stop-loss, emergency stop ───────────────► ORDER + RISK_ALERT
 *   FILL ────►      │               └─ own PositionBook (cash, positions, marks)
 * </pre>
 *
 * {@link dev.tierbus.trading.risk.RiskConfig} lists the parameters;
 * {@link dev.tierbus.trading.risk.RiskManager} the rules.
 */
package dev.tierbus.trading.risk;
