package dev.tierbus.event;

/**
 * One price level of an order book changed (payload of {@link EventType#BOOK_UPDATE});
 * size 0 removes the level.
 */
public record BookUpdate(Side side, int level, double price, double size) implements Payload {}
