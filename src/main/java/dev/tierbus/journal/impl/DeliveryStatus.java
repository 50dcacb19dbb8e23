package dev.tierbus.journal.impl;

/** The state of a journal row; {@link #code()} is what the journal stores. */
enum DeliveryStatus {
  /** Journalled, not yet confirmed: will be delivered (again). */
  PENDING(1),
  /** Confirmed by the subscriber. */
  DELIVERED(2),
  /** Failed its last attempt; waits for an operator (replay or discard). */
  DEAD(3),
  /** A dead letter an operator discarded; kept for the record, never delivered. */
  DISCARDED(4);

  private final int code;

  DeliveryStatus(int code) {
    this.code = code;
  }

  int code() {
    return code;
  }

  static DeliveryStatus fromCode(int code) {
    for (DeliveryStatus s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown delivery status code " + code);
  }
}
