package dev.tierbus.event;

/** The market regime changed (payload of {@link EventType#REGIME_CHANGE}). */
public record RegimeChange(String regime, String previousRegime, double confidence) implements Payload {}
