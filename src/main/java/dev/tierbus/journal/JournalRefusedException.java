package dev.tierbus.journal;

/**
 * The journal refused the rows of one event (PostgreSQL's data exception or integrity
 * violation, SQLSTATE classes 22 and 23), so that publish was not acknowledged and nothing of
 * the event was kept.
 *
 * <p>Only that publish fails: the other publishes committed in the same group commit are
 * journalled without it, and the journal stays usable. Publishing the same event again fails
 * the same way; the message names the event and what PostgreSQL said.
 */
public final class JournalRefusedException extends RuntimeException {

  private final String sqlState;

  public JournalRefusedException(String message, String sqlState, Throwable cause) {
    super(message, cause, false, false);
    this.sqlState = sqlState;
  }

  /** PostgreSQL's error code (SQLSTATE) for the refusal, e.g. {@code 23514} for a check constraint. */
  public String sqlState() {
    return sqlState;
  }
}
