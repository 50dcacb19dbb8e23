package dev.tierbus.journal.impl;

/**
 * The receiver's answer to a {@link DeliveryRequest}: the confirmation of its first
 * {@code confirmed} items.
 *
 * @param confirmed items handled (or found already handled), from the first
 * @param error why item number {@code confirmed} failed, or null when every item was confirmed
 * @param unsubscribed true when item number {@code confirmed} was not attempted because the
 *     subscriber has no subscription here any more (it is being undeployed or redeployed):
 *     not a failed attempt; the rest waits for the subscriber to come back
 */
record DeliveryReply(int confirmed, String error, boolean unsubscribed) {

  DeliveryReply(int confirmed, String error) {
    this(confirmed, error, false);
  }
}
