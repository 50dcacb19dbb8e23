package dev.tierbus.event;

/** A market trade print (payload of {@link EventType#TRADE}). */
public record Trade(double price, double size, Side aggressor) implements Payload {}
