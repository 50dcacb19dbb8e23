package dev.tierbus.event;

/** A last-trade price update (payload of {@link EventType#TICK}). */
public record Tick(double price, double size) implements Payload {}
