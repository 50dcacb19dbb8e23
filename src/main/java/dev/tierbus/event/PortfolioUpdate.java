package dev.tierbus.event;

import java.util.Map;

/**
 * Portfolio state after a fill or a mark to market (payload of {@link EventType#PORTFOLIO_UPDATE}).
 *
 * @param positions quantity per symbol (negative for short)
 */
public record PortfolioUpdate(
    double cash, double equity, double realizedPnl, double unrealizedPnl, Map<String, Double> positions)
    implements Payload {
  public PortfolioUpdate {
    positions = positions == null ? Map.of() : Map.copyOf(positions);
  }
}
