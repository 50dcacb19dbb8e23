/**
 * The paper broker: fills orders against market data.
 *
 * <pre>
 *   ORDER ──► ExecutionContainer ──► PaperBroker (working orders per symbol) ──► FILL
 *   BAR_OPEN, BAR ──►                    └─ CostModel: commission, slippage  └──► RISK_ALERT order_rejected
 * </pre>
 *
 * {@link dev.tierbus.trading.execution.PaperBroker} states when and at what price an order fills.
 */
package dev.tierbus.trading.execution;
