package dev.tierbus.journal.impl;

/**
 * The receiver's answer to a {@link DeliveryRequest}: the confirmation of its first
 * {@code confirmed} items.
 *
 * @param confirmed items handled (or found already handled), from the first
 * @param error why item number {@code confirmed} failed, or null when every item was confirmed
 */
record DeliveryReply(int confirmed, String error) {}
