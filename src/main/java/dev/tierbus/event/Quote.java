package dev.tierbus.event;

/** Top of book (payload of {@link EventType#QUOTE}). */
public record Quote(double bidPrice, double bidSize, double askPrice, double askSize) implements Payload {}
